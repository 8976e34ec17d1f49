import { Placeholder } from "../_components/placeholder";

export const metadata = { title: "Validate" };

export default function ValidatePage() {
  return <Placeholder title="Validate a skill">Pasting a SKILL.md or dropping a zip arrives with the validator.</Placeholder>;
}

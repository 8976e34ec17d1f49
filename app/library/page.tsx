import { Placeholder } from "../_components/placeholder";

export const metadata = { title: "Library" };

export default function LibraryPage() {
  return <Placeholder title="Library">Browsing the skill library arrives with the skill artifact work.</Placeholder>;
}

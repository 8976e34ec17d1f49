import { Placeholder } from "../_components/placeholder";

export const metadata = { title: "Jobs" };

export default function JobsPage() {
  return <Placeholder title="Jobs">Job history (filter, search, timelines) arrives with the job engine.</Placeholder>;
}

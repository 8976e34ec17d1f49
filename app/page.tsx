import { Placeholder } from "./_components/placeholder";

export default function CreatePage() {
  return (
    <Placeholder title="Create a skill">
      The task form arrives with the workflow; until then nothing here creates a job.
    </Placeholder>
  );
}

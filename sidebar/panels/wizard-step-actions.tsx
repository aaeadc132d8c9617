/** The import wizard's Back and Preview buttons under a step, both waiting while the step's call runs. */
export function WizardStepActions(props: { busy: boolean; onBack: () => void; onNext: () => void }) {
  return (
    <div class="actions">
      <button type="button" onClick={props.onBack} disabled={props.busy}>
        Back
      </button>
      <button type="button" class="primary" onClick={props.onNext} disabled={props.busy}>
        Preview
      </button>
    </div>
  );
}

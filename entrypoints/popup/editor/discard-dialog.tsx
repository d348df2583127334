import { Dialog } from '../../../components/dialog';

/** Props of {@link DiscardDialog}. */
export interface DiscardDialogProps {
  /** The stored name of the segment edited; absent for a new segment. */
  segmentName?: string;
  onKeep: () => void;
  onDiscard: () => void;
}

/** "Discard changes?" — asked before leaving an editor with unsaved changes. */
export function DiscardDialog({ segmentName, onKeep, onDiscard }: DiscardDialogProps) {
  return (
    <Dialog
      title="Discard changes?"
      onClose={onKeep}
      actions={
        <>
          <button type="button" class="button button-ghost" data-autofocus onClick={onKeep}>
            Keep editing
          </button>
          <button type="button" class="button button-danger" onClick={onDiscard}>
            Discard changes
          </button>
        </>
      }
    >
      <p>{segmentName !== undefined ? `Your changes to “${segmentName}” will be lost.` : 'This new segment will not be saved.'}</p>
    </Dialog>
  );
}

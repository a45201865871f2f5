namespace SigmaSight.Service.Batches;

/// <summary>What finishing an item did to the ledger; decides what to enqueue after the commit.</summary>
public enum FinishOutcome
{
    /// <summary>The item was already finished with that result: a duplicate delivery, nothing changed.</summary>
    AlreadyFinished,
    /// <summary>The item finished and the phase still has items to go.</summary>
    Finished,
    /// <summary>The item was the phase's last: the next phase must start.</summary>
    PhaseCompleted,
    /// <summary>A Failed or Blocked item succeeded after a manual re-enqueue: verify must run again.</summary>
    LateSuccess,
    /// <summary>A late success while a verify of the run is already requested: that verify (or its follow-up) covers it.</summary>
    LateSuccessVerifyPending,
}

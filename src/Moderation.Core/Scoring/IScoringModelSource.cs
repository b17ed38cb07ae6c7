namespace Moderation.Core.Scoring;

/// <summary>
/// Where the streaming worker gets the model for each batch: a batch takes one <see cref="Acquire"/>d snapshot and
/// scores all its posts with it, so a model swap happens between batches and every verdict names the model that
/// scored it (<see cref="ScoringModel.Version"/>).
/// </summary>
public interface IScoringModelSource
{
    /// <summary>The model new batches get now.</summary>
    ScoringModel Current { get; }

    /// <summary>A lease on the current model; its scorer stays undisposed until the lease is disposed, even if a swap
    /// replaces the model meanwhile.</summary>
    ScoringModelLease Acquire();
}

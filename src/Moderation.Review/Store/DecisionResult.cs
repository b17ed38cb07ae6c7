namespace Moderation.Review.Store;

/// <summary>What <see cref="ReviewStore.DecideAsync"/> did.</summary>
internal enum DecisionResult
{
    /// <summary>Stored, with its outbox row and review event.</summary>
    Stored,

    /// <summary>No such post.</summary>
    NotFound,

    /// <summary>The post was already decided and the caller may not change it (not an admin).</summary>
    AlreadyDecided,
}

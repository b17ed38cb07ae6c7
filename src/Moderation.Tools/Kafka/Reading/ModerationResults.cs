using Moderation.Core.Contracts;

namespace Moderation.Tools.Kafka.Reading;

/// <summary>What <see cref="VerdictReader.ReadAsync"/> found, duplicates included (delivery is at-least-once).</summary>
/// <param name="Verdicts">Every verdict record read, in the order read per partition.</param>
/// <param name="DeadLetters">Every dead-letter record read.</param>
/// <param name="DistinctPostIds">Distinct post ids over verdicts and dead letters.</param>
/// <param name="Complete">True when the expected number of distinct post ids was reached before the timeout.</param>
public sealed record ModerationResults(
    IReadOnlyList<Verdict> Verdicts, IReadOnlyList<DeadLetter> DeadLetters, int DistinctPostIds, bool Complete);

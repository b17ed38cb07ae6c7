using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>How and where an evaluation run was made.</summary>
public sealed record RunMetadata
{
    /// <summary>The command line that produced the run, e.g. <c>moderation evaluate --epochs 5 --seed 42</c>.</summary>
    [JsonPropertyName("commandLine")] public required string CommandLine { get; init; }
    /// <summary>Random seed of training and sampling.</summary>
    [JsonPropertyName("seed")] public required long Seed { get; init; }
    /// <summary>Training epochs per class.</summary>
    [JsonPropertyName("epochs")] public required int Epochs { get; init; }
    /// <summary>Wall time of the whole run, in seconds.</summary>
    [JsonPropertyName("wallTimeSeconds")] public required double WallTimeSeconds { get; init; }
    /// <summary>The machine.</summary>
    [JsonPropertyName("machine")] public required MachineDescription Machine { get; init; }
    /// <summary>UTC time the result was assembled.</summary>
    [JsonPropertyName("createdAtUtc")] public required DateTimeOffset CreatedAtUtc { get; init; }

    /// <summary>Metadata for a run on this machine, stamped with <paramref name="timeProvider"/>'s UTC now.</summary>
    /// <param name="timeProvider">Clock (<see cref="TimeProvider.System"/> in production).</param>
    /// <param name="commandLine">The command line.</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="epochs">Training epochs per class.</param>
    /// <param name="wallTimeSeconds">Wall time of the run, in seconds.</param>
    public static RunMetadata Capture(TimeProvider timeProvider, string commandLine, long seed, int epochs, double wallTimeSeconds)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(commandLine);
        return new RunMetadata
        {
            CommandLine = commandLine,
            Seed = seed,
            Epochs = epochs,
            WallTimeSeconds = wallTimeSeconds,
            Machine = MachineDescription.Current(),
            CreatedAtUtc = timeProvider.GetUtcNow(),
        };
    }
}

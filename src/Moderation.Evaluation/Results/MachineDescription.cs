using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>The machine a run used, so that timings can be compared.</summary>
public sealed record MachineDescription
{
    /// <summary>Logical processors available to the process (<see cref="Environment.ProcessorCount"/>).</summary>
    [JsonPropertyName("processorCount")] public required int ProcessorCount { get; init; }
    /// <summary>CPU model from <c>/proc/cpuinfo</c> ("model name"), or null where unknown.</summary>
    [JsonPropertyName("processorName")] public string? ProcessorName { get; init; }
    /// <summary>Operating system, e.g. <c>Debian GNU/Linux 12 (bookworm)</c> (<see cref="RuntimeInformation.OSDescription"/>).</summary>
    [JsonPropertyName("os")] public required string Os { get; init; }
    /// <summary>Process architecture, e.g. <c>X64</c>.</summary>
    [JsonPropertyName("architecture")] public required string Architecture { get; init; }
    /// <summary>.NET runtime, e.g. <c>.NET 10.0.0</c>.</summary>
    [JsonPropertyName("framework")] public required string Framework { get; init; }

    /// <summary>Describes the current machine.</summary>
    public static MachineDescription Current() => new()
    {
        ProcessorCount = Environment.ProcessorCount,
        ProcessorName = CpuModelName(),
        Os = RuntimeInformation.OSDescription,
        Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
        Framework = RuntimeInformation.FrameworkDescription,
    };

    private static string? CpuModelName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        try
        {
            if (!File.Exists(cpuInfo)) return null;
            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}

namespace Moderation.Streaming.Tests.Support;

/// <summary>Tests that read or write the process-wide <see cref="Environment.ExitCode"/> run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExitCodeCollection
{
    public const string Name = "process exit code";
}

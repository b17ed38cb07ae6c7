namespace Moderation.Training.Pipelines;

/// <summary>A pipeline file is malformed or holds invalid values; <see cref="Errors"/> names each field.</summary>
public sealed class PipelineValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> with one line per error.</summary>
    /// <param name="source">The file (or other source) read.</param>
    /// <param name="errors">One message per problem, each starting with the JSON path of the field, e.g.
    /// <c>hyperparameters.batchSize must be in [2, 4096] (got 0)</c>.</param>
    /// <param name="inner">The JSON error, if any.</param>
    public PipelineValidationException(string source, IReadOnlyList<string> errors, Exception? inner = null)
        : base($"pipeline {source} is invalid:{Environment.NewLine}  - {string.Join($"{Environment.NewLine}  - ", errors)}", inner)
    {
        PipelineSource = source;
        Errors = errors;
    }

    /// <summary>One message per problem, each naming its field.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The file (or other source) read.</summary>
    public string PipelineSource { get; }
}

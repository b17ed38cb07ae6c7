using Microsoft.Extensions.Logging;
using Moderation.Core.Models;
using Moderation.Core.Scoring;
using Moderation.Onnx.Runtime;

namespace Moderation.Onnx.Scoring;

/// <summary>
/// <see cref="IBatchScorer"/> over an exported discriminator: loads <c>models/&lt;name&gt;/</c> through
/// <see cref="ModelCardStore.LoadVerified"/> (refusing an ONNX file whose SHA-256 differs from the card's), creates one
/// <see cref="OnnxModelSession"/>, and per batch reads the outputs the card's thresholds name. Thread-safe.
/// </summary>
public sealed class DiscriminatorScorer : IBatchScorer
{
    private const int ImageLength = 28 * 28;
    private readonly OnnxModelSession session;
    private readonly string[] scoreOutputs;
    private readonly int[] columnOutput;

    /// <summary>Loads and verifies the model in <paramref name="modelFolder"/>.</summary>
    /// <param name="modelFolder">Folder holding <c>model-card.json</c> and the ONNX file it names.</param>
    /// <param name="options">Execution provider and threads.</param>
    /// <param name="logger">Logger for the session.</param>
    /// <exception cref="FileNotFoundException">The card or the ONNX file is missing.</exception>
    /// <exception cref="InvalidDataException">The ONNX file's hash does not match the card, the card has no
    /// thresholds, or the card's input/outputs are not those of the model.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model.</exception>
    public DiscriminatorScorer(string modelFolder, OnnxSessionOptions options, ILogger logger)
    {
        var (card, onnxPath) = ModelCardStore.LoadVerified(modelFolder);
        if (card.Thresholds.Count == 0) throw new InvalidDataException($"model card in {modelFolder} has no thresholds");
        session = new OnnxModelSession(onnxPath, options, logger);
        try
        {
            if (!string.Equals(session.InputName, card.Onnx.Input, StringComparison.Ordinal))
                throw new InvalidDataException($"model card says input '{card.Onnx.Input}', but {onnxPath} has '{session.InputName}'");
            if (session.SampleLength != ImageLength)
                throw new InvalidDataException($"{onnxPath} takes {session.SampleLength} values per item, not 1×28×28");
            var missing = card.Thresholds.Select(t => t.Output).Where(o => !session.OutputNames.Contains(o)).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException($"model card names outputs {string.Join(", ", missing)} that {onnxPath} lacks");
        }
        catch
        {
            session.Dispose();
            throw;
        }
        Card = card;
        ScoreNames = card.Thresholds.Select(t => t.Reason).ToArray();
        scoreOutputs = card.Thresholds.Select(t => t.Output).Distinct(StringComparer.Ordinal).ToArray();
        columnOutput = card.Thresholds.Select(t => Array.IndexOf(scoreOutputs, t.Output)).ToArray();
    }

    /// <summary>The verified model card.</summary>
    public ModelCard Card { get; }

    /// <summary>The execution provider in use (<c>cpu</c> or <c>cuda</c>).</summary>
    public string ExecutionProvider => session.ExecutionProvider;

    /// <inheritdoc />
    public IReadOnlyList<string> ScoreNames { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> ImageShape => session.InputShape.Skip(1).Select(d => (int)d).ToArray();

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">A score output does not have one value per image.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed.</exception>
    public float[] Score(ReadOnlySpan<float> images, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (images.Length < (long)count * ImageLength)
            throw new ArgumentException($"{images.Length} values is shorter than {count}·784", nameof(images));
        var outputs = session.Run(images, count, scoreOutputs);
        foreach (var output in outputs)
        {
            if (output.Data.Length != count)
                throw new InvalidDataException($"output '{output.Name}' has shape [{string.Join(',', output.Shape)}], expected [{count},1]");
        }
        var columns = ScoreNames.Count;
        var scores = new float[count * columns];
        for (var j = 0; j < columns; j++)
        {
            var source = outputs[columnOutput[j]].Data;
            for (var i = 0; i < count; i++) scores[i * columns + j] = source[i];
        }
        return scores;
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();
}

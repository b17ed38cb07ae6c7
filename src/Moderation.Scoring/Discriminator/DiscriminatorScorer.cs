using System.Buffers;
using Microsoft.Extensions.Logging;
using Moderation.Core.Models;
using Moderation.Core.Scoring;
using Moderation.Scoring.Runtime;

namespace Moderation.Scoring.Discriminator;

/// <summary>
/// <see cref="IBatchScorer"/> over an exported discriminator: loads <c>models/&lt;name&gt;/</c> through
/// <see cref="ModelCardStore.LoadVerified"/> (refusing an ONNX file whose SHA-256 differs from the card's), creates one
/// <see cref="OnnxModelSession"/>, and per batch has ONNX Runtime write the outputs the card's thresholds name into a
/// pooled buffer. The image shape is the model's declared input (<see cref="OnnxModelSession.SampleShape"/>).
/// Thread-safe.
/// </summary>
public sealed class DiscriminatorScorer : IBatchScorer
{
    private readonly OnnxModelSession session;
    private readonly string[] scoreOutputs;
    private readonly int[] columnOutput;

    /// <summary>Loads and verifies the model in <paramref name="modelFolder"/>.</summary>
    /// <param name="modelFolder">Folder holding <c>model-card.json</c> and the ONNX file it names.</param>
    /// <param name="options">Execution provider and threads.</param>
    /// <param name="logger">Logger for the session.</param>
    /// <exception cref="FileNotFoundException">The card or the ONNX file is missing.</exception>
    /// <exception cref="InvalidDataException">The ONNX file's hash does not match the card, the card has no
    /// thresholds, or the card's input/outputs are not those of the model, or a score output has more than one value
    /// per image.</exception>
    /// <exception cref="Microsoft.ML.OnnxRuntime.OnnxRuntimeException">ONNX Runtime cannot load the model.</exception>
    /// <exception cref="InvalidOperationException">The requested execution provider cannot be loaded.</exception>
    public DiscriminatorScorer(string modelFolder, OnnxSessionOptions options, ILogger logger)
    {
        var (card, onnxPath) = ModelCardStore.LoadVerified(modelFolder);
        if (card.Thresholds.Count == 0) throw new InvalidDataException($"model card in {modelFolder} has no thresholds");
        session = new OnnxModelSession(onnxPath, options, logger);
        try
        {
            if (!string.Equals(session.InputName, card.Onnx.Input, StringComparison.Ordinal))
                throw new InvalidDataException($"model card says input '{card.Onnx.Input}', but {onnxPath} has '{session.InputName}'");
            var missing = card.Thresholds.Select(t => t.Output).Where(o => !session.OutputNames.Contains(o)).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException($"model card names outputs {string.Join(", ", missing)} that {onnxPath} lacks");
            scoreOutputs = card.Thresholds.Select(t => t.Output).Distinct(StringComparer.Ordinal).ToArray();
            var wide = scoreOutputs.Where(o => session.OutputSampleLength(o) != 1).ToList();
            if (wide.Count > 0)
                throw new InvalidDataException($"score outputs {string.Join(", ", wide)} of {onnxPath} do not have one value per image ([N,1])");
        }
        catch
        {
            session.Dispose();
            throw;
        }

        Card = card;
        ScoreNames = card.Thresholds.Select(t => t.Reason).ToArray();
        columnOutput = card.Thresholds.Select(t => Array.IndexOf(scoreOutputs, t.Output)).ToArray();
    }

    /// <summary>The verified model card.</summary>
    public ModelCard Card { get; }

    /// <summary>The version written into verdicts: the card's name and the first 12 hex digits of the ONNX file's
    /// SHA-256, e.g. <c>fashion-trouser@3f2a…</c>.</summary>
    public string ModelVersion => Card.Version;

    /// <summary>The execution provider in use (<c>cpu</c>, <c>cuda</c> or <c>tensorrt</c>).</summary>
    public string ExecutionProvider => session.ExecutionProvider;

    /// <inheritdoc />
    public IReadOnlyList<string> ScoreNames { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> ImageShape => session.SampleShape;

    /// <inheritdoc />
    /// <exception cref="Microsoft.ML.OnnxRuntime.OnnxRuntimeException">ONNX Runtime failed.</exception>
    public float[] Score(ReadOnlySpan<float> images, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (images.Length < (long)count * session.SampleLength)
            throw new ArgumentException($"{images.Length} values is shorter than {count}·{session.SampleLength} ([{count},{string.Join(',', ImageShape)}])", nameof(images));
        var buffer = ArrayPool<float>.Shared.Rent(count * scoreOutputs.Length);
        try
        {
            session.Run(images, count, scoreOutputs, buffer);
            var columns = ScoreNames.Count;
            var scores = new float[count * columns];
            for (var j = 0; j < columns; j++)
            {
                var source = buffer.AsSpan(columnOutput[j] * count, count);
                for (var i = 0; i < count; i++) scores[i * columns + j] = source[i];
            }

            return scores;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();
}

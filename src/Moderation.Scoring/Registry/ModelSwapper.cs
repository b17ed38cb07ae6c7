using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Moderation.Core.Imaging;
using Moderation.Core.Models;
using Moderation.Core.Scoring;
using Moderation.Scoring.Discriminator;

namespace Moderation.Scoring.Registry;

/// <summary>
/// Serves the champion of a <see cref="ModelRegistry"/> and swaps to each newly promoted version that passes, in order:
/// loading (the ONNX file's SHA-256 against its card, the card against the model), the input shape against the
/// pre-processor's (else the serving model's), the thresholds against the scores, and a warm-up batch of
/// <see cref="ModelOptions.WarmUpImages"/> seeded images in [−1,1] that must give one finite score per image and score
/// name. A refused version is logged and counted and not tried again until the pointer names another one; the old
/// model keeps serving.
/// </summary>
internal sealed class ModelSwapper
{
    private readonly ModelRegistry _registry;
    private readonly ModelLoader _loader;
    private readonly IImagePreprocessor? _preprocessor;
    private readonly int _warmUpImages;
    private readonly ModelSwapMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private string _serving;
    private string? _refused;
    private string? _pointerError;

    /// <summary>Loads the registry's champion (no checks beyond loading's: a bad champion fails start-up, as a bad
    /// <see cref="ModelOptions.Folder"/> does).</summary>
    /// <exception cref="InvalidOperationException">The registry has no champion.</exception>
    public ModelSwapper(ModelRegistry registry, ModelLoader loader, IImagePreprocessor? preprocessor, int warmUpImages,
        ModelSwapMetrics metrics, ILogger logger)
    {
        (_registry, _loader, _preprocessor, _warmUpImages, _metrics, _logger) = (registry, loader, preprocessor, warmUpImages, metrics, logger);
        var champion = registry.ReadChampion()
            ?? throw new InvalidOperationException($"Model registry {registry.Root} has no {ModelRegistry.PointerFile}: promote a version first (moderation retrain --registry {registry.Root} --initial-champion FOLDER).");
        var scorer = loader.Load(registry.VersionFolder(champion.Version));
        Slot = new ScoringModelSlot(new ScoringModel(scorer, scorer.ModelVersion, scorer.Card.Thresholds));
        _serving = champion.Version;
    }

    /// <summary>The slot the worker leases models from.</summary>
    public ScoringModelSlot Slot { get; }

    /// <summary>The registry version being served.</summary>
    public string ServingVersion
    {
        get
        {
            lock (_gate) return _serving;
        }
    }

    /// <summary>Reads the pointer and swaps if it names a version neither served nor refused. Never throws for a bad
    /// model or pointer (it logs and counts them); one check at a time.</summary>
    public void Check()
    {
        lock (_gate)
        {
            ChampionPointer? pointer;
            try
            {
                pointer = _registry.ReadChampion();
                _pointerError = null;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                if (e.Message != _pointerError) ModelSwapLog.PointerUnreadable(_logger, _registry.PointerPath, e.Message, Slot.Current.Version);
                _pointerError = e.Message;
                return;
            }

            if (pointer is null || pointer.Version == _serving || pointer.Version == _refused) return;
            var clock = Stopwatch.StartNew();
            var (model, reason, error) = TryLoad(pointer.Version);
            if (model is null)
            {
                _refused = pointer.Version;
                _metrics.RecordRefusal(reason!);
                ModelSwapLog.Refused(_logger, error, pointer.Version, reason!, error!.Message, Slot.Current.Version);
                return;
            }

            var old = Slot.Swap(model);
            _serving = pointer.Version;
            _refused = null;
            _metrics.RecordSwap();
            ModelSwapLog.Swapped(_logger, old.Version, model.Version, pointer.Version, clock.Elapsed.TotalMilliseconds);
        }
    }

    private (ScoringModel? Model, string? Reason, Exception? Error) TryLoad(string version)
    {
        DiscriminatorScorer scorer;
        try
        {
            var folder = _registry.VersionFolder(version);
            var card = ModelCardStore.Load(folder);
            var onnx = Path.Combine(folder, card.Onnx.File);
            if (File.Exists(onnx) && ModelCardStore.Sha256Hex(onnx) is var actual && !string.Equals(actual, card.Onnx.Sha256, StringComparison.OrdinalIgnoreCase))
                return (null, ModelRefusalReasons.HashMismatch, new InvalidDataException($"{onnx} has SHA-256 {actual}, but its model card says {card.Onnx.Sha256}"));
            scorer = _loader.Load(folder);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or OnnxRuntimeException
                                       or UnauthorizedAccessException or ArgumentException or Polly.Timeout.TimeoutRejectedException)
        {
            return (null, ModelRefusalReasons.Unreadable, e);
        }

        var (reason, error) = Verify(scorer);
        if (reason is null) return (new ScoringModel(scorer, scorer.ModelVersion, scorer.Card.Thresholds), null, null);
        scorer.Dispose();
        return (null, reason, error);
    }

    private (string? Reason, Exception? Error) Verify(DiscriminatorScorer scorer)
    {
        try
        {
            if (_preprocessor is not null) ModelInputCheck.EnsureMatches(scorer, _preprocessor);
            else if (!scorer.ImageShape.SequenceEqual(Slot.Current.Scorer.ImageShape))
                throw new InvalidOperationException($"The model takes images [{string.Join(',', scorer.ImageShape)}], the serving one [{string.Join(',', Slot.Current.Scorer.ImageShape)}].");
        }
        catch (InvalidOperationException e)
        {
            return (ModelRefusalReasons.WrongShape, e);
        }

        try
        {
            _ = new VerdictRule(scorer.Card.Thresholds, scorer.ScoreNames, scorer.ModelVersion);
        }
        catch (InvalidOperationException e)
        {
            return (ModelRefusalReasons.Unreadable, e);
        }

        try
        {
            WarmUp(scorer);
            return (null, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (ModelRefusalReasons.WarmUpFailed, e); // whatever the model does on a real batch, it does not serve
        }
    }

    private void WarmUp(DiscriminatorScorer scorer)
    {
        var pixels = scorer.ImageShape.Aggregate(1, (a, b) => a * b);
        var random = new Random(0);
        var images = new float[_warmUpImages * pixels];
        for (var i = 0; i < images.Length; i++) images[i] = random.NextSingle() * 2 - 1;
        var scores = scorer.Score(images, _warmUpImages);
        var expected = _warmUpImages * scorer.ScoreNames.Count;
        if (scores.Length != expected)
            throw new InvalidDataException($"warm-up returned {scores.Length} scores for {_warmUpImages} images; expected {expected}");
        var bad = Array.FindIndex(scores, s => !float.IsFinite(s));
        if (bad >= 0)
            throw new InvalidDataException($"warm-up score {scorer.ScoreNames[bad % scorer.ScoreNames.Count]} of image {bad / scorer.ScoreNames.Count} is {scores[bad]}");
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moderation.Core.Networks;
using Moderation.Evaluation.OneClass;
using Moderation.Evaluation.Results;
using Moderation.Onnx.Export;
using Moderation.Onnx.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Training.Data;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;

namespace Moderation.Retraining.Evaluation;

/// <summary>
/// The one-class protocol on Fashion-MNIST (Ruff et al. 2018; Golan &amp; El-Yaniv 2018): for each class c, a detector
/// is built from class c's training images only (<see cref="DetectorBuilder"/>, the same code as the retraining job),
/// exported to ONNX and run through ONNX Runtime on all 10,000 test images — class c normal, the other nine anomalous —
/// and on generator samples. Thresholds are calibrated on held-out class-c training images. Score kinds:
/// <c>anomaly</c> (<c>anomaly_score</c> vs other classes), <c>logit</c> (the raw −logit baseline), <c>synthetic</c>
/// (<c>synthetic_score</c> vs the model's own generator) and <c>synthetic-unseen</c> (vs a generator of another seed
/// and width, for <see cref="OneClassEvaluationOptions.UnseenGeneratorClasses"/>).
/// </summary>
public sealed partial class OneClassEvaluationJob(ILogger logger, TimeProvider? timeProvider = null)
{
    /// <summary>Kind name of the raw-logit baseline.</summary>
    public const string LogitKind = "logit";

    /// <summary>Kind name of synthetic detection against an unseen generator.</summary>
    public const string SyntheticUnseenKind = "synthetic-unseen";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Runs every class and assembles the result (write it with <c>ReportWriter.WriteAsync</c>).</summary>
    /// <param name="options">Classes, hyperparameters, recipe.</param>
    /// <param name="commandLine">Recorded in the result.</param>
    /// <param name="workFolder">Scratch folder for each class's ONNX file.</param>
    /// <param name="cancellationToken">Checked between steps.</param>
    /// <exception cref="InvalidDataException">The data set cannot be read.</exception>
    public EvaluationResult Run(OneClassEvaluationOptions options, string commandLine, string workFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wall = Stopwatch.StartNew();
        var test = FashionMnist.LoadTest(options.DatasetPath);
        var testImages = test.ToTensor();
        var results = new Dictionary<string, List<ClassResult>>(StringComparer.Ordinal);
        foreach (var c in options.Classes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (kind, result) in RunClass(options, c, test, testImages, workFolder, cancellationToken))
            {
                if (!results.TryGetValue(kind, out var list)) results[kind] = list = [];
                list.Add(result);
            }
        }
        var h = options.Hyperparameters;
        return new EvaluationResult
        {
            Dataset = "fashion-mnist",
            NormalDefinition =
                $"One class at a time is normal. Its training images (≈ {1 - h.CalibrationFraction:P0} of 6,000) train the GAN and fit the " +
                $"anomaly terms; the other {h.CalibrationFraction:P0} are held out to calibrate thresholds at {h.TargetFpr:P0} FPR. The normal " +
                "class's 1,000 test images are the negatives; the other nine classes' 9,000 test images (anomaly, logit) or generator " +
                "samples (synthetic) are the positives.",
            Run = RunMetadata.Capture(_time, commandLine, h.Seed, h.Epochs, wall.Elapsed.TotalSeconds),
            Kinds = [.. Descriptions.Where(d => results.ContainsKey(d.Kind)).Select(d => ScoreKindResult.Create(d.Kind, d.Description, results[d.Kind]))],
        };
    }

    private static readonly (string Kind, string Description)[] Descriptions =
    [
        (ScoreKinds.Anomaly, "anomaly_score: sum of standardised nearest-neighbour/Mahalanobis terms on pixels and discriminator features, computed in the ONNX graph; positives: the other nine classes' test images"),
        (LogitKind, "baseline: −logit of the same discriminator; positives: the other nine classes' test images"),
        (ScoreKinds.Synthetic, "synthetic_score: −logit of a discriminator copy fine-tuned against generator snapshots; positives: samples of the model's own final generator (seeds never used in fine-tuning)"),
        (SyntheticUnseenKind, "synthetic_score; positives: samples of a generator never seen in fine-tuning (another seed, another width)"),
    ];

    private IEnumerable<(string Kind, ClassResult Result)> RunClass(OneClassEvaluationOptions options, int c, LabelledImages test,
        float[] testImages, string workFolder, CancellationToken cancellationToken)
    {
        var h = options.Hyperparameters;
        var pipeline = new TrainingPipeline
        {
            Name = $"one-class-{c}",
            Dataset = new PipelineDataset { Kind = PipelineDataset.FashionMnistKind, Path = options.DatasetPath, NormalClasses = [c] },
            Hyperparameters = h,
            OutputFolder = workFolder,
        };
        var normal = NormalImagesLoader.Load(pipeline, cancellationToken: cancellationToken);
        int trainCount = Math.Min(normal.TrainCount, options.TrainImageLimit ?? int.MaxValue);
        var train = trainCount == normal.TrainCount ? normal.Train : normal.Train[..(trainCount * 784)];
        using var detector = new DetectorBuilder(logger, _time).Build(h, train, trainCount, options.Recipe, null, cancellationToken);
        var path = Path.Combine(workFolder, $"detector-class-{c}.onnx");
        DetectorOnnxExporter.Export(detector.Model, path, new OnnxExportOptions());

        string[] outputs = detector.Model.SyntheticParameters is null
            ? [OnnxTensorNames.AnomalyScore, OnnxTensorNames.Logit]
            : [OnnxTensorNames.AnomalyScore, OnnxTensorNames.Logit, DetectorTensorNames.SyntheticScore];
        var testScores = OnnxScoring.ScoreAll(path, outputs, testImages, test.Count, logger);
        var calibration = OnnxScoring.ScoreAll(path, outputs, normal.Calibration, normal.CalibrationCount, logger);
        var isNormal = test.Labels.Select(l => l == c).ToArray();
        var anomalousLabels = test.Labels.Where(l => l != c).Select(l => (int)l).ToArray();
        double seconds = detector.TotalSeconds;

        var anomaly = Evaluate(c, Split(testScores[0], isNormal), calibration[0], anomalousLabels, h.TargetFpr, seconds);
        var logit = Evaluate(c, Split(testScores[1].Select(v => -v).ToArray(), isNormal), [.. calibration[1].Select(v => -v)], anomalousLabels, h.TargetFpr, seconds);
        LogClass(c, FashionMnist.ClassNames[c], anomaly.Auroc, logit.Auroc, seconds);
        yield return (ScoreKinds.Anomaly, anomaly);
        yield return (LogitKind, logit);
        if (outputs.Length < 3) yield break;

        var normalSynthetic = Split(testScores[2], isNormal).Normal;
        var (own, _) = detector.Generator.Sample(options.GeneratorSamples, h.Seed + RetrainingJob.MeasureSampleSeedOffset);
        var ownScores = OnnxScoring.ScoreAll(path, [DetectorTensorNames.SyntheticScore], own, options.GeneratorSamples, logger)[0];
        var synthetic = Evaluate(c, (normalSynthetic, ownScores), calibration[2], null, h.TargetFpr, seconds);
        LogSynthetic(c, ScoreKinds.Synthetic, synthetic.Auroc);
        yield return (ScoreKinds.Synthetic, synthetic);

        if (!options.UnseenGeneratorClasses.Contains(c)) yield break;
        var unseenSamples = UnseenGeneratorSamples(options, train, trainCount, cancellationToken, out double unseenSeconds);
        var unseenScores = OnnxScoring.ScoreAll(path, [DetectorTensorNames.SyntheticScore], unseenSamples, options.GeneratorSamples, logger)[0];
        var unseen = Evaluate(c, (normalSynthetic, unseenScores), calibration[2], null, h.TargetFpr, unseenSeconds);
        LogSynthetic(c, SyntheticUnseenKind, unseen.Auroc);
        yield return (SyntheticUnseenKind, unseen);
    }

    /// <summary>Trains a plain DCGAN with another seed and generator width on the same images; returns its samples.</summary>
    private float[] UnseenGeneratorSamples(OneClassEvaluationOptions options, float[] train, int count, CancellationToken cancellationToken, out double seconds)
    {
        var h = options.Hyperparameters with { Seed = options.Hyperparameters.Seed + options.UnseenGeneratorSeedOffset };
        long start = _time.GetTimestamp();
        var trainer = new GanTrainer(h, _time)
        {
            GeneratorSpec = DcganSpecs.Generator(h.LatentSize, options.UnseenGeneratorWidth),
            DiscriminatorSpec = DcganSpecs.Discriminator(options.Recipe.DiscriminatorWidth),
        };
        using var trained = trainer.Train(train, count, null, cancellationToken);
        seconds = _time.GetElapsedTime(start).TotalSeconds;
        return trained.Generator.Sample(options.GeneratorSamples, h.Seed + RetrainingJob.MeasureSampleSeedOffset).Images;
    }

    private static (double[] Normal, double[] Other) Split(double[] scores, bool[] isNormal) =>
        (scores.Where((_, i) => isNormal[i]).ToArray(), scores.Where((_, i) => !isNormal[i]).ToArray());

    private static ClassResult Evaluate(int c, (double[] Normal, double[] Other) test, double[] calibration, int[]? labels,
        double targetFpr, double seconds) =>
        OneClassEvaluator.Evaluate(new OneClassScores
        {
            ClassIndex = c,
            ClassName = FashionMnist.ClassNames[c],
            NormalTest = test.Normal,
            Anomalous = test.Other,
            AnomalousClasses = labels,
            ClassNames = FashionMnist.ClassNames,
            Calibration = calibration,
        }, targetFpr, seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "class {Class} ({Name}): anomaly AUROC {Anomaly:F4}, logit AUROC {Logit:F4}, built in {Seconds:F0} s")]
    private partial void LogClass(int @class, string name, double anomaly, double logit, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "class {Class}: {Kind} AUROC {Auroc:F4}")]
    private partial void LogSynthetic(int @class, string kind, double auroc);
}

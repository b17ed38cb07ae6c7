using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moderation.Core.Metrics;
using Moderation.Core.Networks;
using Moderation.Evaluation.Metrics;
using Moderation.Evaluation.OneClass;
using Moderation.Evaluation.Results;
using Moderation.Export;
using Moderation.Export.Detector;
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

    private const int Pixels = 28 * 28;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Called before each class's detector is built with the class index and its 1-based position in
    /// <see cref="OneClassEvaluationOptions.Classes"/>; default null.</summary>
    public Action<int, int>? ClassStarting { get; init; }

    /// <summary>Runs every class and assembles the result (write it with <c>ReportWriter.WriteAsync</c>).</summary>
    /// <param name="options">Classes, hyperparameters, recipe.</param>
    /// <param name="commandLine">Recorded in the result.</param>
    /// <param name="workFolder">Scratch folder for each class's ONNX file.</param>
    /// <param name="progress">Receives the GAN training progress of every class.</param>
    /// <param name="cancellationToken">Checked between steps.</param>
    /// <exception cref="InvalidDataException">The data set cannot be read.</exception>
    /// <exception cref="ValidationException">An option breaks its DataAnnotations.</exception>
    /// <exception cref="ArgumentException">A class outside 0–9 or an invalid recipe.</exception>
    public EvaluationResult Run(OneClassEvaluationOptions options, string commandLine, string workFolder,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (options.Classes.Concat(options.UnseenGeneratorClasses).Concat(options.LeaveOneFamilyOutClasses).Any(c => c is < 0 or > 9))
            throw new ArgumentException("Fashion-MNIST classes are 0–9", nameof(options));
        RecipeValidator.ThrowIfInvalid(options.Recipe); // before the first class's minutes of training
        var wall = Stopwatch.StartNew();
        var test = FashionMnist.LoadTest(options.DatasetPath);
        var testImages = test.ToTensor();
        var runs = new List<OneClassRun>();
        foreach (var c in options.Classes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ClassStarting?.Invoke(c, runs.Count + 1);
            runs.Add(ScoreClass(options, c, test, testImages, workFolder, progress, cancellationToken));
        }
        return Assemble(options, commandLine, runs, wall.Elapsed.TotalSeconds, _time);
    }

    /// <summary>Reduces the classes' scores to figures (<see cref="OneClassEvaluator"/>) and adds the run's metadata.</summary>
    /// <param name="options">The options the runs were made with.</param>
    /// <param name="commandLine">Recorded in the result.</param>
    /// <param name="runs">One run per class.</param>
    /// <param name="wallSeconds">Wall time of the whole evaluation, s.</param>
    /// <param name="timeProvider">Clock for the creation time.</param>
    public static EvaluationResult Assemble(OneClassEvaluationOptions options, string commandLine, IReadOnlyList<OneClassRun> runs,
        double wallSeconds, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runs);
        var h = options.Hyperparameters;
        var kinds = new List<ScoreKindResult>();
        foreach (var (kind, description) in Descriptions)
        {
            var classes = runs.Where(r => r.Kinds.ContainsKey(kind))
                .Select(r => OneClassEvaluator.Evaluate(r.Kinds[kind], h.TargetFpr, r.Seconds)).ToList();
            if (classes.Count > 0) kinds.Add(ScoreKindResult.Create(kind, description, classes));
        }
        return new EvaluationResult
        {
            Dataset = "fashion-mnist",
            NormalDefinition =
                $"One class at a time is normal. Its training images (≈ {1 - h.CalibrationFraction:P0} of 6,000" +
                (options.TrainImageLimit is { } limit ? $", at most {limit} of them" : "") + ") train the GAN and fit the " +
                $"anomaly terms; the other {h.CalibrationFraction:P0} are held out to calibrate thresholds at {h.TargetFpr:P0} FPR. The normal " +
                "class's 1,000 test images are the negatives; the other nine classes' 9,000 test images (anomaly, logit) or generator " +
                "samples (synthetic) are the positives.",
            Run = RunMetadata.Capture(timeProvider, commandLine, h.Seed, h.Epochs, wallSeconds),
            Kinds = kinds,
            Transfer = [.. runs.Select(r => r.Transfer).OfType<ClassTransferResult>()],
            VerdictCalibration = [.. runs.Select(r => r.VerdictCalibration).OfType<VerdictCalibrationResult>()],
        };
    }

    private static readonly (string Kind, string Description)[] Descriptions =
    [
        (ScoreKinds.Anomaly, "anomaly_score: sum of standardised terms (nearest neighbour on pixels, discriminator features and transformation-classifier features; GEOM transformation-classifier likelihood), computed in the ONNX graph; positives: the other nine classes' test images"),
        (LogitKind, "baseline: −logit of the same discriminator; positives: the other nine classes' test images"),
        (ScoreKinds.Synthetic, "synthetic_score: −logit of a discriminator copy fine-tuned against the generator zoo, plus a logistic regression on the log DCT spectrum when the recipe has it; positives: samples of the model's own final generator (seeds never used in fine-tuning)"),
        (SyntheticUnseenKind, "synthetic_score; positives: samples of a generator never seen in fine-tuning (another seed, another width)"),
    ];

    /// <summary>Builds class <paramref name="c"/>'s detector and scores the test set, the calibration images, the
    /// generator samples and any unused normal training images through ONNX Runtime.</summary>
    internal OneClassRun ScoreClass(OneClassEvaluationOptions options, int c, LabelledImages test, float[] testImages,
        string workFolder, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
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
        var train = normal.Train[..(trainCount * Pixels)];
        using var detector = new DetectorBuilder(logger, _time).Build(h, train, trainCount, options.Recipe, progress, cancellationToken);
        var path = Path.Combine(workFolder, $"detector-class-{c}.onnx");
        DetectorOnnxExporter.Export(detector.Model, path, new OnnxExportOptions());

        bool hasSynthetic = detector.Model.SyntheticParameters is not null;
        var verdictOutputs = RetrainingJob.ScoreOutputs(detector.Model);
        // anomaly, logit, synthetic (when present) at fixed positions, then the verdict's other outputs
        string[] outputs = [OnnxTensorNames.AnomalyScore, OnnxTensorNames.Logit,
            .. hasSynthetic ? [DetectorTensorNames.SyntheticScore] : Array.Empty<string>(),
            .. verdictOutputs.Where(o => o is not (OnnxTensorNames.AnomalyScore or DetectorTensorNames.SyntheticScore))];
        var testScores = OnnxScoring.ScoreAll(path, outputs, testImages, test.Count);
        var calibration = OnnxScoring.ScoreAll(path, outputs, normal.Calibration, normal.CalibrationCount);
        int unusedCount = normal.TrainCount - trainCount;
        var unused = unusedCount == 0
            ? outputs.Select(_ => Array.Empty<double>()).ToArray()
            : OnnxScoring.ScoreAll(path, outputs, normal.Train[(trainCount * Pixels)..], unusedCount);
        var isNormal = test.Labels.Select(l => l == c).ToArray();
        var anomalousLabels = test.Labels.Where(l => l != c).Select(l => (int)l).ToArray();

        var kinds = new Dictionary<string, OneClassScores>(StringComparer.Ordinal)
        {
            [ScoreKinds.Anomaly] = Scores(c, Split(testScores[0], isNormal), calibration[0], anomalousLabels),
            [LogitKind] = Scores(c, Split(Negated(testScores[1]), isNormal), Negated(calibration[1]), anomalousLabels),
        };
        LogClass(c, FashionMnist.ClassNames[c], DetectionMetrics.Auroc(kinds[ScoreKinds.Anomaly].NormalTest, kinds[ScoreKinds.Anomaly].Anomalous),
            DetectionMetrics.Auroc(kinds[LogitKind].NormalTest, kinds[LogitKind].Anomalous), detector.TotalSeconds);
        var unusedByOutput = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            [OnnxTensorNames.AnomalyScore] = unused[0],
        };
        if (hasSynthetic)
        {
            unusedByOutput[DetectorTensorNames.SyntheticScore] = unused[2];
            var normalSynthetic = Split(testScores[2], isNormal).Normal;
            var (own, _) = detector.Generator.Sample(options.GeneratorSamples, h.Seed + RetrainingJob.MeasureSampleSeedOffset);
            var ownScores = OnnxScoring.ScoreAll(path, [DetectorTensorNames.SyntheticScore], own, options.GeneratorSamples)[0];
            kinds[ScoreKinds.Synthetic] = Scores(c, (normalSynthetic, ownScores), calibration[2], null);
            LogSynthetic(c, ScoreKinds.Synthetic, DetectionMetrics.Auroc(normalSynthetic, ownScores));
            if (options.UnseenGeneratorClasses.Contains(c))
            {
                var unseenSamples = UnseenGeneratorSamples(options, train, trainCount, progress, cancellationToken);
                var unseenScores = OnnxScoring.ScoreAll(path, [DetectorTensorNames.SyntheticScore], unseenSamples, options.GeneratorSamples)[0];
                kinds[SyntheticUnseenKind] = Scores(c, (normalSynthetic, unseenScores), calibration[2], null);
                LogSynthetic(c, SyntheticUnseenKind, DetectionMetrics.Auroc(normalSynthetic, unseenScores));
            }
        }
        int[] verdictIndex = [.. verdictOutputs.Select(o => Array.IndexOf(outputs, o))];
        var verdictTest = verdictIndex.Select(i => Split(testScores[i], isNormal).Normal).ToArray();
        var verdictCalibration = verdictIndex.Select(i => calibration[i]).ToArray();
        var calibrationResult = VerdictCalibrationMeasure.Measure(c, verdictOutputs, verdictCalibration, verdictTest, h.TargetFpr);
        ClassTransferResult? transfer = null;
        if (hasSynthetic && options.LeaveOneFamilyOutClasses.Contains(c) && options.Recipe.Synthetic is { } synthetic)
        {
            // the verdict's other scores, fixed across folds; the fold's synthetic score joins them
            var fixedOutputs = verdictOutputs.Where(o => o != DetectorTensorNames.SyntheticScore).ToArray();
            int[] keep = [.. fixedOutputs.Select(o => verdictOutputs.ToList().IndexOf(o))]; // positions in the verdict's arrays
            var fixedScores = new FamilyTransferEvaluator.FixedScores(
                [.. keep.Select(i => verdictCalibration[i])], [.. keep.Select(i => verdictTest[i])],
                detector.Zoo.ToDictionary(f => f.Name, f => OnnxScoring.ScoreAll(path, fixedOutputs, f.Test, f.TestCount), StringComparer.Ordinal));
            var normalTest = Gather(testImages, [.. Enumerable.Range(0, test.Count).Where(i => isNormal[i])]);
            transfer = new FamilyTransferEvaluator(logger, _time).Run(c, FashionMnist.ClassNames[c], detector, synthetic, train, trainCount,
                normal.Calibration, normal.CalibrationCount, normalTest, normalTest.Length / Pixels, fixedScores, h.TargetFpr, h.Seed, workFolder, cancellationToken);
        }
        File.Delete(path);
        return new OneClassRun(c, detector.TotalSeconds, kinds, unusedByOutput) { Transfer = transfer, VerdictCalibration = calibrationResult };
    }

    /// <summary>Trains a plain DCGAN with another seed and generator width on the same images; returns its samples.</summary>
    private float[] UnseenGeneratorSamples(OneClassEvaluationOptions options, float[] train, int count,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var h = options.Hyperparameters with { Seed = options.Hyperparameters.Seed + options.UnseenGeneratorSeedOffset };
        var trainer = new GanTrainer(h, _time)
        {
            GeneratorSpec = DcganSpecs.Generator(h.LatentSize, options.UnseenGeneratorWidth),
            // the DCGAN paper's discriminator (with BatchNorm) whatever the recipe's: the unseen generator stays the same
            // across recipes, so synthetic-unseen figures compare
            DiscriminatorSpec = DcganSpecs.Discriminator(options.Recipe.DiscriminatorWidth),
        };
        using var trained = trainer.Train(train, count, progress, cancellationToken);
        return trained.Generator.Sample(options.GeneratorSamples, h.Seed + RetrainingJob.MeasureSampleSeedOffset).Images;
    }

    private static float[] Gather(float[] images, int[] indices)
    {
        var result = new float[indices.Length * Pixels];
        for (int i = 0; i < indices.Length; i++) images.AsSpan(indices[i] * Pixels, Pixels).CopyTo(result.AsSpan(i * Pixels));
        return result;
    }

    private static (double[] Normal, double[] Other) Split(double[] scores, bool[] isNormal) =>
        (scores.Where((_, i) => isNormal[i]).ToArray(), scores.Where((_, i) => !isNormal[i]).ToArray());

    private static double[] Negated(double[] scores) => [.. scores.Select(v => -v)];

    private static OneClassScores Scores(int c, (double[] Normal, double[] Other) test, double[] calibration, int[]? labels) => new()
    {
        ClassIndex = c,
        ClassName = FashionMnist.ClassNames[c],
        NormalTest = test.Normal,
        Anomalous = test.Other,
        AnomalousClasses = labels,
        ClassNames = FashionMnist.ClassNames,
        Calibration = calibration,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "class {Class} ({Name}): anomaly AUROC {Anomaly:F4}, logit AUROC {Logit:F4}, built in {Seconds:F0} s")]
    private partial void LogClass(int @class, string name, double anomaly, double logit, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "class {Class}: {Kind} AUROC {Auroc:F4}")]
    private partial void LogSynthetic(int @class, string kind, double auroc);
}

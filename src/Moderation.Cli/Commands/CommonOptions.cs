using System.CommandLine;

namespace Moderation.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> BootstrapServers() => new("--bootstrap-servers")
    {
        Description = "Kafka bootstrap servers (host:port,…); omitted = start the embedded broker (demo) or read Kafka:BootstrapServers from configuration",
    };

    public static Option<string> Model() => new("--model")
    {
        Description = "Model folder holding model-card.json and the ONNX files",
        DefaultValueFactory = _ => "models/fashion-trouser",
    };

    public static Option<string> ExecutionProvider() => new("--execution-provider")
    {
        Description = "ONNX Runtime execution provider: cpu, cuda, tensorrt or auto (CUDA when ONNX Runtime lists a CUDA device, else CPU with a warning)",
        DefaultValueFactory = _ => "cpu",
    };

    public static Option<int> Seed() => new("--seed")
    {
        Description = "Seed for everything random",
        DefaultValueFactory = _ => 7,
    };

    public static Option<bool> WithoutTransformClassifier() => new("--without-transform-classifier")
    {
        Description = "Leave the transformation-classifier terms out of anomaly_score: about 2.5× the scoring throughput, " +
            "about 1.7 points lower mean one-class AUROC (docs/evaluation/README.md)",
    };

    /// <summary>The detector recipe <c>train</c> and <c>retrain</c> use: the default, or the lighter one of
    /// <see cref="WithoutTransformClassifier"/>.</summary>
    public static Moderation.Retraining.Detection.DetectorRecipe Recipe(bool withoutTransformClassifier) => withoutTransformClassifier
        ? Moderation.Retraining.Detection.DetectorRecipe.Default with
        {
            Transform = null, FeatureDiscriminatorBatchNorm = true, Terms = Moderation.Retraining.Detection.DetectorRecipe.DiscriminatorTerms,
        }
        : Moderation.Retraining.Detection.DetectorRecipe.Default;
}

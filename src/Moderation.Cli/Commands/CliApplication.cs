using System.CommandLine;

namespace Moderation.Cli.Commands;

/// <summary>The <c>moderation</c> command and its sub-commands.</summary>
internal static class CliApplication
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Moderation: catch synthetic (GAN-made) and abnormal images in a stream of posts.");
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(RetrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(BrokerCommand.Create());
        root.Subcommands.Add(ProduceCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(HashPasswordCommand.Create());
        return root;
    }
}

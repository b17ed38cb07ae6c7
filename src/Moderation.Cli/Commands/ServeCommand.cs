using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Moderation.Cli.Hosting;

namespace Moderation.Cli.Commands;

/// <summary><c>serve</c>: the streaming moderation service until stopped (SIGTERM/Ctrl+C finishes the in-flight batch).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var bootstrap = CommonOptions.BootstrapServers();
        var model = CommonOptions.Model();
        var provider = CommonOptions.ExecutionProvider();
        var registry = new Option<string?>("--registry")
        {
            Description = "Serve the champion of this model registry and hot-swap to each newly promoted version (ignores --model)",
        };
        var urls = new Option<string>("--urls") { Description = "HTTP address for /metrics, /healthz and the review page /review", DefaultValueFactory = _ => "http://127.0.0.1:9464" };
        var command = new Command("serve", "Run the streaming moderation service (Kafka consumer → ONNX Runtime → verdicts)")
        {
            bootstrap, model, registry, provider, urls,
        };
        command.SetAction(async (result, token) =>
        {
            var overrides = new Dictionary<string, string?>
            {
                ["Model:Folder"] = result.GetValue(model),
                ["Onnx:ExecutionProvider"] = result.GetValue(provider),
                ["Urls"] = result.GetValue(urls),
            };
            if (result.GetValue(registry) is { } root) overrides["Model:Registry"] = root;
            if (result.GetValue(bootstrap) is { } servers) overrides["Kafka:BootstrapServers"] = servers;
            await using var app = ModerationServiceHost.Build(overrides);
            await app.StartAsync(token);
            await app.WaitForShutdownAsync(token);
            return Environment.ExitCode;
        });
        return command;
    }
}

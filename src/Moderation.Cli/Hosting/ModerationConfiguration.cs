using Microsoft.Extensions.Configuration;

namespace Moderation.Cli.Hosting;

/// <summary>The configuration sources of every command that runs the service's code (<c>serve</c>, <c>demo</c>,
/// <c>score</c>), in order of precedence from lowest: <c>appsettings.json</c> beside the executable, environment
/// variables (<c>MODERATION_</c> prefix, <c>__</c> as section separator), the command's own overrides.</summary>
internal static class ModerationConfiguration
{
    public static IConfigurationBuilder AddModerationSources(this IConfigurationBuilder builder, IReadOnlyDictionary<string, string?> overrides) =>
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("MODERATION_")
            .AddInMemoryCollection(overrides);
}

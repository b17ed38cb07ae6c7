namespace Moderation.Cli.Demo;

/// <summary>The <c>demo</c> command's options.</summary>
internal sealed record DemoSettings(int Posts, int TimeoutSeconds, string? Bootstrap, string Model, string Provider, int Seed, string Urls, int ReviewSeconds);

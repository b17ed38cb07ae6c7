using Moderation.Cli.Commands;
using Spectre.Console;

if (Console.IsOutputRedirected)
{
    // Plain text when piped or captured (CI logs): no ANSI escapes, tables not squeezed to 80 columns.
    AnsiConsole.Profile.Capabilities.Ansi = false;
    AnsiConsole.Profile.Width = 140;
}
return await CliApplication.Create().Parse(args).InvokeAsync();

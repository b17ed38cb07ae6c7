using Moderation.Cli.Commands;

return await CliApplication.Create().Parse(args).InvokeAsync();

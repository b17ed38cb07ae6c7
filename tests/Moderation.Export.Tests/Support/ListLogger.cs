using Microsoft.Extensions.Logging;

namespace Moderation.Export.Tests.Support;

/// <summary>Records every log entry so tests can assert on warnings.</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, EventId Id, string Message)> entries = [];

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Entries
    {
        get { lock (entries) return entries.ToArray(); }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (entries) entries.Add((logLevel, eventId, formatter(state, exception)));
    }
}

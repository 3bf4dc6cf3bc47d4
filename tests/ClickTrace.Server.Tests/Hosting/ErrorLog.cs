using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClickTrace.Server.Tests.Hosting;

/// <summary>Keeps the app's error-level log entries, so a test that sees a 500 can say what threw.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && log.Entries.Count < 20) log.Entries.Enqueue($"{category}: {formatter(state, exception)}\n{exception}");
        }
    }
}

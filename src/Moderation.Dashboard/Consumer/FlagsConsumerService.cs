using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Dashboard.Configuration;
using Moderation.Dashboard.Feed;
using Moderation.Streaming.Configuration;

namespace Moderation.Dashboard.Consumer;

/// <summary>
/// Hosted service running <see cref="FlagsTopicReader"/> on a dedicated background thread (Confluent.Kafka's consume
/// call blocks), restarting it after a failure; does nothing when <see cref="DashboardOptions.Enabled"/> is false.
/// </summary>
internal sealed class FlagsConsumerService(
    IOptions<KafkaOptions> kafka,
    IOptions<DashboardOptions> options,
    FlagFeed feed,
    TimeProvider time,
    ILogger<FlagsConsumerService> logger) : IHostedService, IDisposable
{
    private const int RestartDelayMs = 1_000;

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            DashboardLog.Disabled(logger, kafka.Value.FlagsTopic);
            return Task.CompletedTask;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "moderation-dashboard-flags" };
        _thread.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_thread is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _stopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        if (_thread is null || _stopped.Task.IsCompleted)
        {
            _stopping.Dispose();
        }
    }

    private void Run()
    {
        var token = _stopping.Token;
        var reader = new FlagsTopicReader(kafka.Value, options.Value, feed, time, logger);
        try
        {
            while (!token.IsCancellationRequested)
            {
                try
                {
                    reader.Run(token);
                }
                catch (Exception ex)
                {
                    // an exception escaping a thread would end the process: log it and read again (stopping: just end)
                    if (!token.IsCancellationRequested)
                    {
                        DashboardLog.ReaderFailed(logger, ex, RestartDelayMs);
                        token.WaitHandle.WaitOne(RestartDelayMs);
                    }
                }
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }
}

using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

[Collection(ExitCodeCollection.Name)]
public sealed class FatalErrorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fatal_consumer_error_stops_the_application_with_exit_code_one()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        var previousExitCode = Environment.ExitCode;
        try
        {
            await using var host = await WorkerHost.StartAsync(broker, new MeanScorer(), output, new Dictionary<string, string?>
            {
                // static membership: a fenced instance id is a fatal consumer error in librdkafka
                ["Kafka:ConsumerSettings:group.instance.id"] = "worker-1",
            });
            var stopping = new TaskCompletionSource();
            host.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
            await host.Publisher.PublishAsync(TestPosts.Valid(1));
            Assert.True((await host.Reader.ReadAsync(1, TimeSpan.FromSeconds(15))).Complete); // the worker is in the group

            broker.FailNextRequests(KafkaApiKey.Heartbeat, ErrorCode.FencedInstanceId);

            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = previousExitCode;
        }
    }
}

using System.CommandLine;
using Microsoft.Extensions.Logging;
using Moderation.Cli.Hosting;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;

namespace Moderation.Cli.Commands;

/// <summary><c>broker</c>: runs librdkafka's mock cluster until stopped and publishes its bootstrap address.</summary>
internal static class BrokerCommand
{
    public static Command Create()
    {
        var brokers = new Option<int>("--brokers") { Description = "Number of mock brokers", DefaultValueFactory = _ => 1 };
        var partitions = new Option<int>("--partitions") { Description = "Partitions of posts.images", DefaultValueFactory = _ => 4 };
        var file = new Option<string?>("--address-file") { Description = "Also write the bootstrap address to this file" };
        var command = new Command("broker", "Run the embedded Kafka broker (librdkafka mock cluster) on loopback until Ctrl+C")
        {
            brokers, partitions, file,
        };
        command.SetAction(async (result, token) =>
        {
            using var logging = CliLogging.Create();
            using var broker = new EmbeddedBroker(result.GetValue(brokers), logging.CreateLogger<EmbeddedBroker>());
            int p = result.GetValue(partitions);
            // Created up front, as on a provisioned cluster: a consumer's subscription does not auto-create a topic
            // (librdkafka's allow.auto.create.topics=false, honoured by the 2.16 mock), so the service would idle until
            // the first post was produced.
            broker.CreateTopic(Topics.Posts, p);
            var path = result.GetValue(file);
            if (path is not null) await File.WriteAllTextAsync(path, broker.BootstrapServers + "\n", token);
            Console.WriteLine(broker.BootstrapServers);
            await Console.Out.FlushAsync(token);
            try { await Task.Delay(Timeout.Infinite, token); }
            catch (OperationCanceledException) { }
            return 0;
        });
        return command;
    }
}

using System.Runtime.InteropServices;
using Confluent.Kafka;
using Moderation.Tools.Kafka.Broker;

namespace Moderation.Tools.Tests.Kafka.Broker;

/// <summary>
/// The CI failure of 5a27d02: librdkafka's mock cluster thread ends for good when its <c>poll()</c> returns EINTR
/// ("Mock cluster failed to poll 8 fds: -1: Interrupted system call"; 2.0.2 then, 2.16.0 still), and a
/// process-directed signal with a handler (.NET handles SIGCONT, sent by the broker-freeze test after SIGSTOP) may run
/// on that thread. Without <c>SignalMask</c> this test fails on 2.16.0: one SIGCONT ends the thread and the produce
/// times out.
/// Runs alone so that no other test's broker starts or stops a mock thread meanwhile.
/// </summary>
[Collection(nameof(EmbeddedBrokerSignalTests))]
[CollectionDefinition(nameof(EmbeddedBrokerSignalTests), DisableParallelization = true)]
public sealed partial class EmbeddedBrokerSignalTests
{
    private const int SigCont = 18; // Linux, asm-generic/signal.h

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_mock_cluster_thread_blocks_signals_so_a_handled_signal_cannot_stop_the_broker()
    {
        using var handler = PosixSignalRegistration.Create(PosixSignal.SIGCONT, context => context.Cancel = true);
        var before = MockThreads();
        using var broker = new EmbeddedBroker();
        var thread = await NewMockThreadAsync(before);

        var blocked = ulong.Parse(Status(thread, "SigBlk"), System.Globalization.NumberStyles.HexNumber);
        Assert.NotEqual(0UL, blocked & (1UL << (SigCont - 1)));

        // Aim the handled signal at the mock thread itself: unblocked, its poll() returns EINTR and the thread exits.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(0, tgkill(Environment.ProcessId, thread, SigCont));
        }

        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            MessageTimeoutMs = 10_000,
        }).Build();
        var delivered = await producer.ProduceAsync("after-signals", new Message<Null, string> { Value = "still serving" });
        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
        Assert.Contains(thread, MockThreads());
    }

    /// <summary>The mock thread started after <paramref name="before"/> (it names itself once running).</summary>
    private static async Task<int> NewMockThreadAsync(HashSet<int> before)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var started = MockThreads().Except(before).ToList();
            if (started.Count > 0)
            {
                return Assert.Single(started);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("no rdk:mock thread appeared within 5 s");
    }

    /// <summary>Thread ids of this process named <c>rdk:mock</c> (librdkafka's mock cluster threads).</summary>
    private static HashSet<int> MockThreads() =>
        Directory.EnumerateDirectories("/proc/self/task")
            .Select(path => int.Parse(Path.GetFileName(path), System.Globalization.CultureInfo.InvariantCulture))
            .Where(tid => File.Exists($"/proc/self/task/{tid}/comm")
                && File.ReadAllText($"/proc/self/task/{tid}/comm").Trim() == "rdk:mock")
            .ToHashSet();

    private static string Status(int tid, string field) =>
        File.ReadLines($"/proc/self/task/{tid}/status")
            .Single(line => line.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..].Trim();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tgkill(int tgid, int tid, int sig);
}

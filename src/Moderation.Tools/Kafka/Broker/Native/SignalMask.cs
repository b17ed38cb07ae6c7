using System.Runtime.InteropServices;

namespace Moderation.Tools.Kafka.Broker.Native;

/// <summary>
/// Blocks every signal on the calling thread for a scope, so that threads a native library starts meanwhile inherit a
/// full mask (POSIX: a new thread inherits its creator's signal mask). librdkafka does this for its own threads in
/// <c>rd_kafka_new</c>, but not for the mock cluster's thread in <c>rd_kafka_mock_cluster_new</c>; that thread ends for
/// good when its <c>poll()</c> fails with EINTR (<c>rd_kafka_mock_cluster_io_poll</c> returns −1 and the thread's loop
/// breaks), which a handled signal (.NET installs a SIGCONT handler) causes when the kernel runs the handler on it.
/// Still so in librdkafka 2.16.0: without this mask one SIGCONT aimed at the mock thread ended it and the next produce
/// timed out (<c>EmbeddedBrokerSignalTests</c>).
/// </summary>
internal static partial class SignalMask
{
    /// <summary>glibc, which exports <c>pthread_sigmask</c> and <c>sigfillset</c>.</summary>
    internal const string LibraryName = "libc";

    /// <summary><c>SIG_SETMASK</c> of Linux (<c>bits/sigaction.h</c>).</summary>
    private const int SetMask = 2;

    /// <summary>Size of glibc's <c>sigset_t</c> in bytes (1,024 bits).</summary>
    private const int SetBytes = 128;

    /// <summary>Runs <paramref name="create"/> with all signals blocked on this thread, then restores the mask.</summary>
    /// <exception cref="InvalidOperationException">pthread_sigmask failed (errno in the message).</exception>
    internal static unsafe T WithAllBlocked<T>(Func<T> create)
    {
        var all = stackalloc byte[SetBytes];
        var previous = stackalloc byte[SetBytes];
        VerifySuccess(sigfillset(all) == 0 ? 0 : Marshal.GetLastPInvokeError(), "sigfillset");
        VerifySuccess(pthread_sigmask(SetMask, all, previous), "pthread_sigmask");
        try
        {
            return create();
        }
        finally
        {
            VerifySuccess(pthread_sigmask(SetMask, previous, null), "pthread_sigmask");
        }
    }

    /// <summary>Throws when <paramref name="error"/>, an errno value, is not 0.</summary>
    private static void VerifySuccess(int error, string operation)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"{operation} failed: errno {error}");
        }
    }

    [LibraryImport(LibraryName, SetLastError = true)]
    private static unsafe partial int sigfillset(byte* set);

    /// <summary>Returns 0 or an errno value (it does not set errno).</summary>
    [LibraryImport(LibraryName)]
    private static unsafe partial int pthread_sigmask(int how, byte* set, byte* previous);
}

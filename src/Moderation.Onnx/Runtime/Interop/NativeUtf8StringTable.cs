using System.Runtime.InteropServices;
using System.Text;

namespace Moderation.Onnx.Runtime.Interop;

/// <summary>
/// Strings as NUL-terminated UTF-8 in one native block, preceded by a table of pointers to them: the
/// <c>const char* const*</c> that <c>OrtApi::Run</c> takes for input and output names, built once per session.
/// </summary>
internal sealed unsafe class NativeUtf8StringTable : SafeHandle
{
    /// <summary>Copies <paramref name="strings"/> into native memory.</summary>
    public NativeUtf8StringTable(IReadOnlyList<string> strings) : base(0, ownsHandle: true)
    {
        Count = strings.Count;
        var tableBytes = (nuint)(Count * sizeof(nint));
        var textBytes = 0;
        foreach (var s in strings) textBytes += Encoding.UTF8.GetByteCount(s) + 1;
        var block = (byte*)NativeMemory.Alloc(tableBytes + (nuint)textBytes);
        SetHandle((nint)block);
        var table = (nint*)block;
        var text = block + tableBytes;
        for (var i = 0; i < Count; i++)
        {
            var written = Encoding.UTF8.GetBytes(strings[i], new Span<byte>(text, textBytes));
            text[written] = 0;
            table[i] = (nint)text;
            text += written + 1;
            textBytes -= written + 1;
        }
    }

    /// <summary>Number of strings.</summary>
    public int Count { get; }

    /// <summary>The pointer table; valid while the handle is open (lease it during native calls).</summary>
    public nint* Table => (nint*)handle;

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }
}

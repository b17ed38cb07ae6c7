// Renames one version-need entry of an ELF64 little-endian shared library in place: the entry named <from> in
// .gnu.version_r (Elf64_Verneed / Elf64_Vernaux, ELF gABI "Symbol Versioning") is pointed at the existing .dynstr
// string <to> and its vna_hash set to the ELF hash of <to> (System V ABI, "Hash Table"). The dynamic loader then asks
// the library named by the entry for <to> instead of <from>. Nothing else changes; the file length stays the same.
// Used by scripts/torchsharp/patch-libtorchsharp.sh (see there why). Exit codes: 0 patched, 1 error, 3 nothing named <from>.
// usage: dotnet run RetargetVersionNeed.cs -- <elf> <from-version> <to-version>
using System.Buffers.Binary;
using System.Text;

if (args.Length != 3) { Console.Error.WriteLine("usage: RetargetVersionNeed.cs <elf> <from-version> <to-version>"); return 1; }
var (path, from, to) = (args[0], args[1], args[2]);
var elf = File.ReadAllBytes(path);
if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
{
    Console.Error.WriteLine($"{path}: not an ELF64 little-endian file");
    return 1;
}
ulong U64(long at) => BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan((int)at));
uint U32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)at));
ushort U16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan((int)at));
string Str(long at) { int end = Array.IndexOf(elf, (byte)0, (int)at); return Encoding.ASCII.GetString(elf, (int)at, end - (int)at); }

long sectionTable = (long)U64(0x28);
int entrySize = U16(0x3A), sections = U16(0x3C);
const uint ShtGnuVerneed = 0x6ffffffe;
for (int s = 0; s < sections; s++)
{
    long header = sectionTable + (long)s * entrySize;
    if (U32(header + 4) != ShtGnuVerneed) continue;
    long offset = (long)U64(header + 0x18);
    long dynstr = (long)U64(sectionTable + (long)U32(header + 0x28) * entrySize + 0x18);
    int needs = (int)U32(header + 0x2C);
    long need = offset;
    for (int n = 0; n < needs; n++, need += U32(need + 12))
    {
        // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
        // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
        long? fromAux = null;
        uint? toName = null;
        long aux = need + U32(need + 8);
        for (int a = 0; a < U16(need + 2); a++, aux += U32(aux + 12))
        {
            var name = Str(dynstr + U32(aux + 8));
            if (name == from) fromAux = aux;
            if (name == to) toName = U32(aux + 8);
        }
        if (fromAux is not { } target) continue;
        if (toName is not { } replacement)
        {
            Console.Error.WriteLine($"{path}: {Str(dynstr + U32(need + 4))} needs {from} but not {to}, whose name is not in .dynstr");
            return 1;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan((int)target), ElfHash(to));
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan((int)target + 8), replacement);
        File.WriteAllBytes(path, elf);
        Console.WriteLine($"{path}: version need {from} of {Str(dynstr + U32(need + 4))} now names {to}");
        return 0;
    }
}
Console.Error.WriteLine($"{path}: no version need named {from}");
return 3;

// The System V ABI's ELF hash of a symbol or version name.
static uint ElfHash(string name)
{
    uint h = 0;
    foreach (byte c in Encoding.ASCII.GetBytes(name))
    {
        h = (h << 4) + c;
        uint g = h & 0xf0000000;
        if (g != 0) h ^= g >> 24;
        h &= ~g;
    }
    return h;
}

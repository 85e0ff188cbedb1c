using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Xml;

namespace Mutualisons.Bench;

internal sealed record ExportRun(double Milliseconds, long Bytes, long CsvLines, long PeakHeapDelta, long PeakWorkingSetDelta, long Allocated);

/// <summary>
/// The CSV and XLSX exports over HTTP, signed in, the body read to the end and thrown away. Memory is that
/// of the whole process (app and client alike), sampled while the export runs.
/// </summary>
internal static class Exports
{
    public static async Task<ExportRun> MeasureAsync(HttpClient client, Uri path)
    {
        // Start every export from the same clean heap, so the peaks are comparable.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var sampler = MemorySampler.Start();
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The export {path} answered {(int)response.StatusCode}.");
        }
        await using var body = await response.Content.ReadAsStreamAsync();
        var (bytes, lines) = await DrainAsync(body);
        watch.Stop();
        var (heap, workingSet) = sampler.Stop();
        return new ExportRun(watch.Elapsed.TotalMilliseconds, bytes, lines, heap, workingSet, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    // Reads to the end; counts CRLF pairs, which end CSV records (texts inside cells only hold bare LFs).
    private static async Task<(long Bytes, long Lines)> DrainAsync(Stream body)
    {
        var buffer = new byte[64 * 1024];
        long bytes = 0, lines = 0;
        var previous = (byte)0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n' && previous == '\r')
                {
                    lines++;
                }
                previous = buffer[i];
            }
        }
        return (bytes, lines);
    }

    /// <summary>The rows of the XLSX export's sheet, header included, read once outside the timed runs.</summary>
    public static async Task<int> XlsxRowsAsync(HttpClient client, Uri path)
    {
        var bytes = await client.GetByteArrayAsync(path);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var sheet = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidOperationException("The workbook has no sheet1.");
        await using var stream = sheet.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = true });
        var rows = 0;
        while (await reader.ReadAsync())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
            {
                rows++;
            }
        }
        return rows;
    }
}

/// <summary>Samples the managed heap and the working set every 5 ms on a thread of its own; reports the peaks above the start.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly long _heapAtStart;
    private readonly long _workingSetAtStart;
    private volatile bool _stopping;
    private long _peakHeap;
    private long _peakWorkingSet;

    private MemorySampler()
    {
        using var process = Process.GetCurrentProcess();
        _heapAtStart = _peakHeap = GC.GetTotalMemory(forceFullCollection: false);
        _workingSetAtStart = _peakWorkingSet = process.WorkingSet64;
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
    }

    public static MemorySampler Start()
    {
        var sampler = new MemorySampler();
        sampler._thread.Start();
        return sampler;
    }

    public (long Heap, long WorkingSet) Stop()
    {
        _stopping = true;
        _thread.Join();
        return (_peakHeap - _heapAtStart, _peakWorkingSet - _workingSetAtStart);
    }

    public void Dispose()
    {
        if (!_stopping)
        {
            Stop();
        }
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stopping)
        {
            _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            process.Refresh();
            _peakWorkingSet = Math.Max(_peakWorkingSet, process.WorkingSet64);
            Thread.Sleep(5);
        }
    }
}

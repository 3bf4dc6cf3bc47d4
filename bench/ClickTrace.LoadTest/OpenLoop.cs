using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClickTrace.LoadTest;

/// <summary>
/// Sends requests at a fixed rate whatever the responses do (open loop), and measures each latency from
/// the moment the request was due, so a stall shows up in the percentiles instead of hiding them.
/// </summary>
/// <remarks>
/// It shares the machine's cores with the server it measures, so it is built to cost little and to be on
/// time: one thread paces the requests (yielding the core while it waits, never oversleeping a timer), each
/// request is pre-formatted HTTP/1.1 written on a kept-alive socket, and responses are read by each
/// connection's own receive loop. HttpClient, which it replaced, cost several times the CPU and, with its
/// timer-based pacing, put a tail of its own of 12 ms at p99 on even the bare endpoint.
/// </remarks>
internal static class OpenLoop
{
    public sealed record Result(double OfferedRps, double AchievedRps, double P50Ms, double P99Ms, long Errors);

    public static async Task<Result> RunAsync(Uri target, IReadOnlyList<string> bodies, double rate, TimeSpan duration)
    {
        var requests = bodies.Select(b => Request(target, b)).ToArray();
        var total = (int)(rate * duration.TotalSeconds);
        var run = new Run(new IPEndPoint(IPAddress.Parse(target.Host), target.Port), total);
        for (var i = 0; i < 16; i++) run.Idle.Push(await Connection.OpenAsync(run));

        var clock = Stopwatch.StartNew();
        var pacer = new Thread(() =>
        {
            var ticksPerRequest = Stopwatch.Frequency / rate;
            for (var i = 0; i < total; i++)
            {
                var due = (long)(i * ticksPerRequest);
                while (clock.ElapsedTicks is var now && now < due)
                {
                    if (due - now > 2 * Stopwatch.Frequency / 1000) Thread.Sleep(1); // wakes within about a millisecond: still early
                    else Thread.Yield();
                }
                if (!run.Idle.TryPop(out var connection)) connection = Connection.OpenAsync(run).GetAwaiter().GetResult();
                connection.Send(i, due, requests[i % requests.Length]);
            }
        }) { Name = "open loop pacer", IsBackground = true };
        run.Clock = clock;
        pacer.Start();
        await run.Finished.Task.WaitAsync(duration + TimeSpan.FromSeconds(30));
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var connection in run.All) connection.Dispose();
        var latencies = run.Latencies;
        Array.Sort(latencies);
        return new Result(rate, total / seconds, latencies[total / 2], latencies[(int)(total * 0.99)], run.Errors);
    }

    private static byte[] Request(Uri target, string body)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var head = Encoding.ASCII.GetBytes(
            $"POST {target.AbsolutePath} HTTP/1.1\r\nHost: {target.Authority}\r\nContent-Type: text/plain\r\nContent-Length: {content.Length}\r\n\r\n");
        return [.. head, .. content];
    }

    private sealed class Run(IPEndPoint endpoint, int total)
    {
        public IPEndPoint Endpoint { get; } = endpoint;
        public ConcurrentStack<Connection> Idle { get; } = new();
        public ConcurrentBag<Connection> All { get; } = [];
        public double[] Latencies { get; } = new double[total];
        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Stopwatch Clock { get; set; } = Stopwatch.StartNew();
        public long Errors;
        private int _done;

        public void Done(int index, long due, bool success)
        {
            Latencies[index] = (Clock.ElapsedTicks - due) * 1000.0 / Stopwatch.Frequency;
            if (!success) Interlocked.Increment(ref Errors);
            if (Interlocked.Increment(ref _done) == Latencies.Length) Finished.TrySetResult();
        }
    }

    /// <summary>One kept-alive connection with at most one request in flight.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly Run _run;
        private readonly Socket _socket;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private readonly SemaphoreSlim _sent = new(0);
        private int _index;
        private long _due;

        private Connection(Run run, Socket socket)
        {
            _run = run;
            _socket = socket;
            run.All.Add(this);
            _ = Task.Run(ReceiveLoopAsync);
        }

        public static async Task<Connection> OpenAsync(Run run)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(run.Endpoint);
            return new Connection(run, socket);
        }

        public void Send(int index, long due, byte[] request)
        {
            _index = index;
            _due = due;
            try
            {
                _socket.Send(request);
                _sent.Release();
            }
            catch (SocketException)
            {
                _run.Done(index, due, success: false);
            }
        }

        private async Task ReceiveLoopAsync()
        {
            var filled = 0;
            try
            {
                while (true)
                {
                    await _sent.WaitAsync();
                    int length, status;
                    while ((length = ResponseLength(_buffer.AsSpan(0, filled), out status)) < 0)
                    {
                        var read = await _socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None);
                        if (read == 0) throw new SocketException((int)SocketError.ConnectionReset);
                        filled += read;
                    }
                    _buffer.AsSpan(length, filled - length).CopyTo(_buffer);
                    filled -= length;
                    var (index, due) = (_index, _due);
                    _run.Idle.Push(this);
                    _run.Done(index, due, status is >= 200 and < 300);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The run is over, or the server dropped the connection: the request in flight counts as an error.
                if (_sent.CurrentCount > 0 || filled > 0) _run.Done(_index, _due, success: false);
            }
        }

        /// <summary>
        /// The length of the whole response at the start of <paramref name="data"/>, or -1 while it is incomplete.
        /// Read from the bytes without a string: the generator's own garbage collections would otherwise show up
        /// in the latencies it measures.
        /// </summary>
        private static int ResponseLength(ReadOnlySpan<byte> data, out int status)
        {
            status = 0;
            var end = data.IndexOf("\r\n\r\n"u8);
            if (end < 0) return -1;
            var head = data[..end];
            status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
            if (Header(head, "transfer-encoding:"u8).Trim((byte)' ').SequenceEqual("chunked"u8))
            {
                var last = data[(end + 4)..].IndexOf("\r\n0\r\n\r\n"u8);
                return last < 0 ? -1 : end + 4 + last + 7;
            }
            var body = 0;
            foreach (var digit in Header(head, "content-length:"u8).Trim((byte)' ')) body = body * 10 + (digit - '0');
            var total = end + 4 + body;
            return data.Length >= total ? total : -1;
        }

        /// <summary>The value of the header <paramref name="name"/> (lower case, with its colon); empty when there is none.</summary>
        private static ReadOnlySpan<byte> Header(ReadOnlySpan<byte> head, ReadOnlySpan<byte> name)
        {
            foreach (var range in head.Split("\r\n"u8))
            {
                var line = head[range];
                if (line.Length >= name.Length && Ascii.EqualsIgnoreCase(line[..name.Length], name)) return line[name.Length..];
            }
            return default;
        }

        public void Dispose() => _socket.Dispose();
    }
}

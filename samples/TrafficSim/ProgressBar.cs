namespace ClickTrace.TrafficSim;

/// <summary>A one-line progress bar on stderr (a line per tenth when stderr is not a terminal).</summary>
public sealed class ProgressBar(int total, string unit) : IProgress<int>
{
    private int _done, _lastTenth = -1;
    private readonly Lock _lock = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public void Report(int value)
    {
        lock (_lock)
        {
            _done += value;
            var fraction = total == 0 ? 1 : (double)_done / total;
            if (Console.IsErrorRedirected)
            {
                var tenth = (int)(fraction * 10);
                if (tenth == _lastTenth) return;
                _lastTenth = tenth;
                Console.Error.WriteLine($"{_done:N0}/{total:N0} {unit} ({_clock.Elapsed.TotalSeconds:0} s)");
                return;
            }
            var width = 30;
            var filled = (int)(fraction * width);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {_done:N0}/{total:N0} {unit}, {_clock.Elapsed.TotalSeconds:0} s ");
            if (_done >= total) Console.Error.WriteLine();
        }
    }
}

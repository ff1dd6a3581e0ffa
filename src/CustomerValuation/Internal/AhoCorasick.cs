using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CustomerValuation.Internal;

/// <summary>
/// An Aho–Corasick automaton (Aho &amp; Corasick 1975, "Efficient string matching: an aid to bibliographic
/// search", CACM 18(6)) over UTF-16 code units: one left-to-right pass over a text reports every
/// occurrence of every pattern, in time O(text length + occurrences).
/// </summary>
/// <remarks>
/// The trie's edges are stored sorted per state (compressed rows); the root has a dense table over all
/// 65,536 code units, where −1 marks a code unit that occurs in no pattern (the automaton then returns to
/// the root at once). Outputs of a state and of the states on its failure chain are linked through
/// <see cref="NextReport"/>, so reporting costs one step per occurrence.
/// </remarks>
internal sealed class AhoCorasick
{
    private const int LinearSearchLimit = 8;

    private readonly int[] _root;
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _fail;
    private readonly int[] _report;
    private readonly int[] _reportNext;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;

    /// <summary>Builds the automaton; every pattern must be non-empty, and equal patterns are reported under each id.</summary>
    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        var children = new List<Dictionary<char, int>> { new() };
        var ends = new List<List<int>?> { null };
        for (int p = 0; p < patterns.Count; p++)
        {
            int node = 0;
            foreach (char c in patterns[p])
            {
                if (!children[node].TryGetValue(c, out int next))
                {
                    next = children.Count;
                    children.Add(new Dictionary<char, int>());
                    ends.Add(null);
                    children[node].Add(c, next);
                }

                node = next;
            }

            (ends[node] ??= new List<int>()).Add(p);
        }

        int states = children.Count;
        StateCount = states;
        _edgeStart = new int[states + 1];
        for (int s = 0; s < states; s++)
        {
            _edgeStart[s + 1] = _edgeStart[s] + children[s].Count;
        }

        _edgeChars = new char[_edgeStart[states]];
        _edgeTargets = new int[_edgeStart[states]];
        for (int s = 0; s < states; s++)
        {
            var keys = new List<char>(children[s].Keys);
            keys.Sort();
            int at = _edgeStart[s];
            foreach (char c in keys)
            {
                _edgeChars[at] = c;
                _edgeTargets[at] = children[s][c];
                at++;
            }
        }

        _root = new int[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            _root[c] = -1;
        }

        for (int s = 0; s < states; s++)
        {
            foreach (char c in children[s].Keys)
            {
                _root[c] = 0;
            }
        }

        foreach (KeyValuePair<char, int> edge in children[0])
        {
            _root[edge.Key] = edge.Value;
        }

        _outputStart = new int[states + 1];
        for (int s = 0; s < states; s++)
        {
            _outputStart[s + 1] = _outputStart[s] + (ends[s]?.Count ?? 0);
        }

        _outputs = new int[_outputStart[states]];
        for (int s = 0; s < states; s++)
        {
            ends[s]?.CopyTo(_outputs, _outputStart[s]);
        }

        _fail = new int[states];
        _report = new int[states];
        _reportNext = new int[states];
        _report[0] = -1;
        _reportNext[0] = -1;
        var queue = new Queue<int>();
        foreach (int child in children[0].Values)
        {
            _fail[child] = 0;
            queue.Enqueue(child);
        }

        // Breadth-first: a state's failure target is shallower, so its report links are already set.
        while (queue.Count > 0)
        {
            int u = queue.Dequeue();
            _reportNext[u] = _report[_fail[u]];
            _report[u] = ends[u] is null ? _reportNext[u] : u;
            foreach (KeyValuePair<char, int> edge in children[u])
            {
                int f = _fail[u];
                int target = 0;
                while (true)
                {
                    if (children[f].TryGetValue(edge.Key, out int w))
                    {
                        target = w;
                        break;
                    }

                    if (f == 0)
                    {
                        break;
                    }

                    f = _fail[f];
                }

                _fail[edge.Value] = target;
                queue.Enqueue(edge.Value);
            }
        }
    }

    /// <summary>Gets the number of states (trie nodes, the root included).</summary>
    public int StateCount { get; }

    /// <summary>Moves from <paramref name="state"/> on code unit <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int state, char c)
    {
        int fromRoot = _root[c];
        if (fromRoot < 0)
        {
            return 0;
        }

        while (state != 0)
        {
            int target = FindEdge(state, c);
            if (target >= 0)
            {
                return target;
            }

            state = _fail[state];
        }

        return fromRoot;
    }

    /// <summary>The first state on the failure chain of <paramref name="state"/> (itself included) that ends a pattern, or −1.</summary>
    public int FirstReport(int state) => _report[state];

    /// <summary>The next state after <paramref name="reportState"/> on its failure chain that ends a pattern, or −1.</summary>
    public int NextReport(int reportState) => _reportNext[reportState];

    /// <summary>The index in <see cref="Output"/> of the first pattern id ending at <paramref name="reportState"/>.</summary>
    public int OutputStart(int reportState) => _outputStart[reportState];

    /// <summary>One past the index in <see cref="Output"/> of the last pattern id ending at <paramref name="reportState"/>.</summary>
    public int OutputEnd(int reportState) => _outputStart[reportState + 1];

    /// <summary>The pattern id at <paramref name="index"/> of the output table.</summary>
    public int Output(int index) => _outputs[index];

    private int FindEdge(int state, char c)
    {
        int lo = _edgeStart[state];
        int hi = _edgeStart[state + 1];
        if (hi - lo <= LinearSearchLimit)
        {
            for (int i = lo; i < hi; i++)
            {
                if (_edgeChars[i] == c)
                {
                    return _edgeTargets[i];
                }
            }

            return -1;
        }

        hi--;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            char m = _edgeChars[mid];
            if (m == c)
            {
                return _edgeTargets[mid];
            }

            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }
}

using SigmaSight.Analytics.Risk.Holdings;

namespace SigmaSight.Analytics.Risk.Correlations;

/// <summary>A portfolio's correlation matrix and summary (conventions: "Correlations").</summary>
public static class CorrelationCalculator
{
    /// <summary>Default window: 90 log returns.</summary>
    public const int DefaultWindow = 90;

    /// <summary>Default minimum: 30 log returns.</summary>
    public const int DefaultMinimum = 30;

    /// <summary>
    /// Pearson correlations of the members' last min(<paramref name="window"/>, n) log returns, then
    /// <see cref="FromMatrix"/> (PSD fix, overall correlation, effective positions).
    /// </summary>
    /// <param name="members">From <see cref="CorrelationUniverse.Select"/>: symbols and signed merged values.</param>
    /// <param name="logReturns">Log returns ln(P_t / P_t−1) per symbol, aligned on the dates where every member has a
    /// close (same length, oldest first, ending D); longer series are cut to the window.</param>
    /// <param name="window">Returns used at most (default 90).</param>
    /// <param name="minimum">Fewer aligned returns → insufficient history (default 30).</param>
    /// <returns>The figures; not applicable for fewer than 2 members or a constant series; insufficient history
    /// below <paramref name="minimum"/>.</returns>
    /// <exception cref="ArgumentException">A member is repeated or its series is missing, misaligned or not finite.</exception>
    public static RiskOutcome<CorrelationFigures> Compute(
        IReadOnlyList<CorrelationMember> members,
        IReadOnlyDictionary<string, double[]> logReturns,
        int window = DefaultWindow,
        int minimum = DefaultMinimum)
    {
        CheckMembers(members);
        ArgumentNullException.ThrowIfNull(logReturns);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, minimum);
        if (members.Count < 2)
            return RiskOutcome.NotApplicable<CorrelationFigures>($"correlation needs at least 2 symbols; {members.Count} included");

        var length = HoldingChecks.Series(logReturns, members[0].Symbol, null, "log return").Length;
        var series = members.Select(m => HoldingChecks.Series(logReturns, m.Symbol, length, "log return")).ToList();
        if (length < minimum) return RiskOutcome.InsufficientHistory<CorrelationFigures>(length, minimum);

        var observations = Math.Min(length, window);
        var (matrix, constant) = PearsonMatrix.Compute(series, observations);
        return matrix is null
            ? RiskOutcome.NotApplicable<CorrelationFigures>(
                $"log returns of {members[constant].Symbol} are constant over the last {observations} days: correlation undefined")
            : RiskOutcome.Present(FromMatrix(members, matrix, observations));
    }

    /// <summary>
    /// Summary of a given correlation matrix: <see cref="PositiveSemidefinite.Repair"/>, then overall correlation =
    /// mean |ρ_ij| over i &lt; j and effective positions = 1 / max(wᵀCw, 1e-12), w_i = value_i / Σ|value|.
    /// </summary>
    /// <param name="members">Symbols and signed values in the matrix's row order (at least 2; Σ|value| &gt; 0).</param>
    /// <param name="correlation">n × n correlation matrix (e.g. pairwise-complete, possibly not PSD).</param>
    /// <param name="observations">Observations behind the matrix, copied to the result.</param>
    /// <exception cref="ArgumentException">Sizes disagree, fewer than 2 members, all values 0, or a non-finite entry.</exception>
    public static CorrelationFigures FromMatrix(IReadOnlyList<CorrelationMember> members, double[,] correlation, int observations)
    {
        CheckMembers(members);
        ArgumentNullException.ThrowIfNull(correlation);
        var n = members.Count;
        if (n < 2 || correlation.GetLength(0) != n)
            throw new ArgumentException($"{n} members need an n × n matrix with n ≥ 2; got {correlation.GetLength(0)} rows", nameof(correlation));
        var gross = members.Sum(m => Math.Abs((double)m.Value));
        if (gross == 0) throw new ArgumentException("every member has value 0: weights are undefined", nameof(members));

        var repair = PositiveSemidefinite.Repair(correlation);
        var c = repair.Matrix;
        var w = members.Select(m => (double)m.Value / gross).ToArray();
        double sumAbs = 0, quadratic = 0;
        var rows = new IReadOnlyList<double>[n];
        for (var i = 0; i < n; i++)
        {
            var row = new double[n];
            for (var j = 0; j < n; j++)
            {
                row[j] = c[i, j];
                quadratic += w[i] * c[i, j] * w[j];
                if (j > i) sumAbs += Math.Abs(c[i, j]);
            }

            rows[i] = row;
        }

        return new CorrelationFigures(
            [.. members.Select(m => m.Symbol)], rows, observations,
            sumAbs / (n * (n - 1) / 2.0), 1.0 / Math.Max(quadratic, 1e-12), repair.Adjusted);
    }

    private static void CheckMembers(IReadOnlyList<CorrelationMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            if (m is null || string.IsNullOrWhiteSpace(m.Symbol)) throw new ArgumentException("a correlation member has no symbol", nameof(members));
            if (!seen.Add(m.Symbol)) throw new ArgumentException($"correlation member {m.Symbol} is listed twice (merge its lots)", nameof(members));
        }
    }
}

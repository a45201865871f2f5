using System.Diagnostics.CodeAnalysis;

namespace SigmaSight.Analytics.Pnl;

/// <summary>Position type of a lot (database codes LONG SHORT LC LP SC SP). Quantities are signed to match.</summary>
public enum PositionType
{
    /// <summary>LONG: a held stock or private asset; quantity &gt; 0.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Domain term for the LONG code.")]
    Long,

    /// <summary>SHORT: a sold-short stock; quantity &lt; 0.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Domain term for the SHORT code.")]
    Short,

    /// <summary>LC: long call; quantity (contracts) &gt; 0.</summary>
    LongCall,

    /// <summary>LP: long put; quantity (contracts) &gt; 0.</summary>
    LongPut,

    /// <summary>SC: short (written) call; quantity (contracts) &lt; 0.</summary>
    ShortCall,

    /// <summary>SP: short (written) put; quantity (contracts) &lt; 0.</summary>
    ShortPut,
}

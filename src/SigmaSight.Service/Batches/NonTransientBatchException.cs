namespace SigmaSight.Service.Batches;

/// <summary>A failure that a retry cannot fix (invalid data, out of order, missing price): the job fails at once.</summary>
public class NonTransientBatchException : Exception
{
    public NonTransientBatchException() { }

    public NonTransientBatchException(string message) : base(message) { }

    public NonTransientBatchException(string message, Exception innerException) : base(message, innerException) { }
}

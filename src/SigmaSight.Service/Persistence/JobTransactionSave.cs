using Microsoft.EntityFrameworkCore;

namespace SigmaSight.Service.Persistence;

/// <summary>
/// <c>SaveChanges</c> inside a job's own transaction without EF Core's automatic savepoint, which costs two more statements
/// (SAVEPOINT, RELEASE) per call (issue 10). The savepoint only lets a caller go on in the transaction after a failed save;
/// a job's failed save fails the job, and its transaction is rolled back whole.
/// </summary>
public static class JobTransactionSave
{
    public static async Task SaveWithoutSavepointAsync(this SigmaSightDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = before;
        }
    }
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Common;

/// <summary>
/// The one way anything of a lab is written. Each operation validates what was typed (when a validator is
/// given), checks the person's right on the lab (a foreign or unknown lab is "not found", a lacking right
/// "forbidden"), loads the aggregate of that lab at the version the user saw ("conflict" if it moved), calls
/// the domain (a refused rule is "refused"), writes the audit entry and saves, all in one SaveChanges: nothing
/// is half-written. Any <see cref="ILabOwned"/> aggregate works with it, with no plumbing of its own.
/// </summary>
public sealed class LabWrites(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor, TimeProvider time)
{
    /// <summary>Writes in <paramref name="labId"/>, for people whose role there gives <paramref name="right"/>.</summary>
    public LabWriteScope In(Guid labId, LabRight right) => new(this, new LabAccessCheck(labId, right), labId, null);

    /// <summary>
    /// Writes in <paramref name="labId"/> whose permission depends on the organisation concerned (an
    /// organisation's impact): <paramref name="may"/> gets the person's role there and the organisation they
    /// represent. No role in the lab is "not found", a refusal "forbidden".
    /// </summary>
    public LabWriteScope In(Guid labId, Func<LabRole, Guid?, bool> may) => new(this, new LabPlaceCheck(labId, may), labId, null);

    /// <summary>
    /// Joining <paramref name="labId"/> by an invitation link: the link, checked by the write itself, stands for
    /// the right, since the person has no role there yet; <paramref name="joining"/> acts (an account made
    /// for the link joins before it is signed in).
    /// </summary>
    public LabWriteScope Joining(Guid labId, Actor joining) => new(this, new LinkCheck(), labId, null, joining);

    /// <summary>
    /// Writes that belong to no single lab (the organisations directory): <paramref name="refusal"/> says why
    /// the person may not, or null when they may.
    /// </summary>
    public LabWriteScope Outside(Func<MutualisonsDbContext, Actor, CancellationToken, Task<SaveResult?>> refusal) =>
        new(this, new CustomAccessCheck(refusal), null, null);

    /// <summary>
    /// The one path: validate, check the right, run <paramref name="body"/> (which may answer early, e.g.
    /// "conflict"), save everything it did in one SaveChanges, and map refused rules and stale versions.
    /// </summary>
    internal async Task<SaveResult> WriteAsync(LabWriteScope scope, Func<LabWrite, Task<SaveResult?>> body, CancellationToken cancellationToken)
    {
        if (scope.Validation is { } validate && await validate(cancellationToken) is { IsValid: false } invalid)
        {
            return SaveResult.Invalid(invalid);
        }
        var actor = scope.ActingAs ?? await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await scope.Access.RefusalAsync(db, actor, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var write = new LabWrite(db, actor, scope.LabId, time.GetUtcNow(), cancellationToken);
        try
        {
            if (await body(write) is { } early)
            {
                return early;
            }
            await db.SaveChangesAsync(cancellationToken);
            if (write.Transaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return SaveResult.Saved(write.ResultId);
        }
        catch (DomainException exception)
        {
            return SaveResult.Refused(exception.Code);
        }
        catch (LabWrite.NotFoundException)
        {
            return SaveResult.NotFound;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ExclusionViolation })
        {
            // An exclusion constraint refused an overlap (two bookings of a room at the same time), even one saved
            // at the same second as ours: nothing was written.
            return SaveResult.Taken;
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Someone saved the same thing (a first statement, a name) between our check and our save: nothing was written.
            return SaveResult.Conflict;
        }
        finally
        {
            if (write.Transaction is { } transaction)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>One aggregate: load it (or build it), check the version the user saw, change it, audit it.</summary>
    internal Task<SaveResult> RunAsync<T>(
        LabWriteScope scope, Func<LabWrite, Task<T?>> load, uint? expectedVersion, AuditAction action, string subject,
        Func<T, LabWrite, ValueTask<string>> change, CancellationToken cancellationToken)
        where T : class =>
        WriteAsync(scope, async write =>
        {
            var aggregate = await load(write);
            if (aggregate is null)
            {
                return SaveResult.NotFound;
            }
            var entry = write.Db.Entry(aggregate);
            if (entry.State != EntityState.Added)
            {
                if (expectedVersion is { } version)
                {
                    var versionProperty = entry.Property<uint>(nameof(ILabOwned.Version));
                    if (versionProperty.CurrentValue != version)
                    {
                        return SaveResult.Conflict;
                    }
                    // The UPDATE or DELETE checks it again: a change saved between this read and ours is a conflict too.
                    versionProperty.OriginalValue = version;
                }
                // Changes to owned rows or added child rows alone would not touch the aggregate's row: touching it
                // makes every change go through the version check.
                entry.State = action == AuditAction.Deleted ? EntityState.Deleted : EntityState.Modified;
            }

            var summary = await change(aggregate, write);
            var subjectId = write.SubjectId ?? (Guid?)entry.Property(nameof(ILabOwned.Id)).CurrentValue;
            if (action == AuditAction.Deleted)
            {
                write.Db.Remove(aggregate);
            }
            // Opening a lab is audited in the lab it opens.
            var auditLab = scope.LabId ?? (aggregate as Mutualisation)?.Id;
            write.Db.AuditEntries.Add(new AuditEntry(auditLab, write.Actor.UserId, write.Action ?? action, write.Subject ?? subject, subjectId, summary, write.Now));
            write.ResultId ??= (Guid?)entry.Property(nameof(ILabOwned.Id)).CurrentValue;
            return null;
        }, cancellationToken);

    internal interface IAccessCheck
    {
        Task<SaveResult?> RefusalAsync(MutualisonsDbContext db, Actor actor, CancellationToken cancellationToken);
    }

    /// <summary>
    /// "Not found" when the person has no role in the lab (its existence stays hidden), "forbidden" when their
    /// role lacks the right; null when they may.
    /// </summary>
    private sealed record LabAccessCheck(Guid LabId, LabRight Right) : IAccessCheck
    {
        public async Task<SaveResult?> RefusalAsync(MutualisonsDbContext db, Actor actor, CancellationToken cancellationToken) =>
            await db.RoleInAsync(actor, LabId, cancellationToken) switch
            {
                null => SaveResult.NotFound,
                var role when !role.Allows(Right) => SaveResult.Forbidden,
                _ => null,
            };
    }

    private sealed record LabPlaceCheck(Guid LabId, Func<LabRole, Guid?, bool> May) : IAccessCheck
    {
        public async Task<SaveResult?> RefusalAsync(MutualisonsDbContext db, Actor actor, CancellationToken cancellationToken) =>
            await db.PlaceInAsync(actor, LabId, cancellationToken) switch
            {
                null => SaveResult.NotFound,
                var place when !May(place.Role, place.Represents) => SaveResult.Forbidden,
                _ => null,
            };
    }

    /// <summary>The write checks the link it was given: no role is asked for.</summary>
    private sealed record LinkCheck : IAccessCheck
    {
        public Task<SaveResult?> RefusalAsync(MutualisonsDbContext db, Actor actor, CancellationToken cancellationToken) => Task.FromResult<SaveResult?>(null);
    }

    private sealed record CustomAccessCheck(Func<MutualisonsDbContext, Actor, CancellationToken, Task<SaveResult?>> Check) : IAccessCheck
    {
        public Task<SaveResult?> RefusalAsync(MutualisonsDbContext db, Actor actor, CancellationToken cancellationToken) => Check(db, actor, cancellationToken);
    }

    /// <summary>Where and under which right a write happens, and what to validate first.</summary>
    public sealed class LabWriteScope
    {
        private readonly LabWrites _writes;

        internal LabWriteScope(LabWrites writes, IAccessCheck access, Guid? labId, Func<CancellationToken, Task<FluentValidation.Results.ValidationResult>>? validation, Actor? actingAs = null)
        {
            _writes = writes;
            Access = access;
            LabId = labId;
            Validation = validation;
            ActingAs = actingAs;
        }

        internal IAccessCheck Access { get; }

        internal Guid? LabId { get; }

        internal Func<CancellationToken, Task<FluentValidation.Results.ValidationResult>>? Validation { get; }

        /// <summary>Who writes, when it is not the signed-in person.</summary>
        internal Actor? ActingAs { get; }

        /// <summary>Validates <paramref name="input"/> before anything else: an invalid input touches nothing.</summary>
        public LabWriteScope Validating<TInput>(TInput input, IValidator<TInput> validator)
        {
            ArgumentNullException.ThrowIfNull(validator);
            return new(_writes, Access, LabId, cancellationToken => validator.ValidateAsync(input, cancellationToken), ActingAs);
        }

        /// <summary>Adds the aggregate <paramref name="create"/> builds, audited as created with the summary it gives.</summary>
        public Task<SaveResult> CreateAsync<T>(Func<LabWrite, ValueTask<(T Created, string Summary)>> create, CancellationToken cancellationToken = default)
            where T : class, ILabOwned =>
            AddAsync(create, T.AuditSubject, cancellationToken);

        /// <summary>
        /// Adds what <paramref name="create"/> builds that is not a lab aggregate (a lab, an organisation of the
        /// directory), audited under <paramref name="subject"/>.
        /// </summary>
        public Task<SaveResult> AddAsync<T>(Func<LabWrite, ValueTask<(T Created, string Summary)>> create, string subject, CancellationToken cancellationToken = default)
            where T : class
        {
            ArgumentNullException.ThrowIfNull(create);
            var summary = string.Empty;
            return _writes.RunAsync<T>(this, async write =>
            {
                (var created, summary) = await create(write);
                write.Db.Add(created);
                return created;
            }, null, AuditAction.Created, subject, (_, _) => ValueTask.FromResult(summary), cancellationToken);
        }

        /// <inheritdoc cref="CreateAsync{T}(Func{LabWrite, ValueTask{ValueTuple{T, string}}}, CancellationToken)"/>
        public Task<SaveResult> CreateAsync<T>(Func<LabWrite, (T Created, string Summary)> create, CancellationToken cancellationToken = default)
            where T : class, ILabOwned
        {
            ArgumentNullException.ThrowIfNull(create);
            return CreateAsync<T>(write => ValueTask.FromResult(create(write)), cancellationToken);
        }

        // Aggregates load their collections one query each (AsSplitQuery): a decision's 200 voters and 200 ballots in
    // one joined query would be 40,000 rows.

    /// <summary>Changes the aggregate <paramref name="id"/> of this lab, at <paramref name="version"/> (none: no check).</summary>
        public Task<SaveResult> ChangeAsync<T>(Guid id, uint? version, Func<T, LabWrite, ValueTask<string>> change, CancellationToken cancellationToken = default)
            where T : class, ILabOwned
        {
            var labId = RequireLab();
            return _writes.RunAsync(this, w => w.Db.Set<T>().AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id && x.LabId == labId, w.CancellationToken), version, AuditAction.Changed, T.AuditSubject, change, cancellationToken);
        }

        /// <inheritdoc cref="ChangeAsync{T}(Guid, uint?, Func{T, LabWrite, ValueTask{string}}, CancellationToken)"/>
        public Task<SaveResult> ChangeAsync<T>(Guid id, uint? version, Func<T, LabWrite, string> change, CancellationToken cancellationToken = default)
            where T : class, ILabOwned
        {
            ArgumentNullException.ThrowIfNull(change);
            return ChangeAsync<T>(id, version, (aggregate, write) => ValueTask.FromResult(change(aggregate, write)), cancellationToken);
        }

        /// <summary>Deletes the aggregate <paramref name="id"/> of this lab at <paramref name="version"/>; <paramref name="describe"/> gives the audit summary and may refuse.</summary>
        public Task<SaveResult> DeleteAsync<T>(Guid id, uint version, Func<T, LabWrite, ValueTask<string>> describe, CancellationToken cancellationToken = default)
            where T : class, ILabOwned
        {
            var labId = RequireLab();
            return _writes.RunAsync(this, w => w.Db.Set<T>().AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id && x.LabId == labId, w.CancellationToken), version, AuditAction.Deleted, T.AuditSubject, describe, cancellationToken);
        }

        /// <inheritdoc cref="DeleteAsync{T}(Guid, uint, Func{T, LabWrite, ValueTask{string}}, CancellationToken)"/>
        public Task<SaveResult> DeleteAsync<T>(Guid id, uint version, Func<T, LabWrite, string> describe, CancellationToken cancellationToken = default)
            where T : class, ILabOwned
        {
            ArgumentNullException.ThrowIfNull(describe);
            return DeleteAsync<T>(id, version, (aggregate, write) => ValueTask.FromResult(describe(aggregate, write)), cancellationToken);
        }

        /// <summary>
        /// Changes rows that belong to the aggregate <paramref name="id"/> of this lab but are stored and versioned
        /// on their own (a questionnaire's personal links and reminders). The aggregate is loaded to prove it is
        /// this lab's ("not found" otherwise) and for what the change reads; its own row is written only if the
        /// change changes it, so sending a questionnaire puts nobody editing it in conflict. Audited as
        /// <paramref name="action"/> on <paramref name="subject"/>, about the aggregate unless
        /// <see cref="LabWrite.AuditAs"/> names the part.
        /// </summary>
        public Task<SaveResult> ChangePartsAsync<T>(Guid id, AuditAction action, string subject, Func<T, LabWrite, ValueTask<string>> change, CancellationToken cancellationToken = default)
            where T : class, ILabOwned
        {
            ArgumentNullException.ThrowIfNull(change);
            var labId = RequireLab();
            return _writes.WriteAsync(this, async write =>
            {
                var aggregate = await write.Db.Set<T>().AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id && x.LabId == labId, write.CancellationToken);
                if (aggregate is null)
                {
                    return SaveResult.NotFound;
                }
                var summary = await change(aggregate, write);
                write.Db.AuditEntries.Add(new AuditEntry(labId, write.Actor.UserId, write.Action ?? action, write.Subject ?? subject, write.SubjectId ?? id, summary, write.Now));
                write.ResultId ??= id;
                return null;
            }, cancellationToken);
        }

        /// <summary>
        /// Changes the lab itself at <paramref name="version"/>. Its journal is not loaded: a move only adds its entry.
        /// </summary>
        public Task<SaveResult> ChangeLabAsync(uint version, Func<Mutualisation, LabWrite, ValueTask<string>> change, CancellationToken cancellationToken = default)
        {
            var labId = RequireLab();
            return _writes.RunAsync<Mutualisation>(this, w => w.Db.Mutualisations.AsSplitQuery().SingleOrDefaultAsync(m => m.Id == labId, w.CancellationToken), version, AuditAction.Changed, AuditSubject.Lab,
                change, cancellationToken);
        }

        /// <inheritdoc cref="ChangeLabAsync(uint, Func{Mutualisation, LabWrite, ValueTask{string}}, CancellationToken)"/>
        public Task<SaveResult> ChangeLabAsync(uint version, Func<Mutualisation, LabWrite, string> change, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(change);
            return ChangeLabAsync(version, (lab, write) => ValueTask.FromResult(change(lab, write)), cancellationToken);
        }

        /// <summary>
        /// Changes something that is not a lab aggregate (an organisation of the directory) loaded by
        /// <paramref name="load"/>, at <paramref name="version"/>, audited under <paramref name="subject"/>.
        /// </summary>
        public Task<SaveResult> ChangeAsync<T>(Func<LabWrite, Task<T?>> load, uint? version, string subject, AuditAction action, Func<T, LabWrite, ValueTask<string>> change, CancellationToken cancellationToken = default)
            where T : class
        {
            return _writes.RunAsync(this, load, version, action, subject, change, cancellationToken);
        }

        /// <summary>
        /// A write in this lab that is not one aggregate's (registering every lab organisation as a stakeholder):
        /// <paramref name="body"/> adds what it makes and audits each with <see cref="LabWrite.AlsoAudit"/>.
        /// </summary>
        public Task<SaveResult> RunAsync(Func<LabWrite, ValueTask> body, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(body);
            var labId = RequireLab();
            return _writes.WriteAsync(this, async write =>
            {
                await body(write);
                write.ResultId ??= labId;
                return null;
            }, cancellationToken);
        }

        /// <summary>
        /// As <see cref="RunAsync(Func{LabWrite, ValueTask}, CancellationToken)"/>, for a write whose body may
        /// answer before anything is saved (a repeated booking some of whose occurrences are taken): a result from
        /// <paramref name="body"/> is returned as is and nothing it added is written.
        /// </summary>
        public Task<SaveResult> RunAsync(Func<LabWrite, ValueTask<SaveResult?>> body, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(body);
            var labId = RequireLab();
            return _writes.WriteAsync(this, async write =>
            {
                if (await body(write) is { } early)
                {
                    return early;
                }
                write.ResultId ??= labId;
                return null;
            }, cancellationToken);
        }

        private Guid RequireLab() => LabId ?? throw new InvalidOperationException("Lab aggregates are written through LabWrites.In(labId, right).");
    }
}

/// <summary>What a write hands its domain call: who, when, the context to read and add with, and the audit line's details.</summary>
public sealed class LabWrite
{
    internal LabWrite(MutualisonsDbContext db, Actor actor, Guid? labId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Db = db;
        Actor = actor;
        LabId = labId;
        Now = now;
        CancellationToken = cancellationToken;
    }

    /// <summary>For reads the domain call needs, and for rows it adds besides the aggregate (they are saved with it).</summary>
    public MutualisonsDbContext Db { get; }

    public Actor Actor { get; }

    public Guid? LabId { get; }

    public DateTimeOffset Now { get; }

    public CancellationToken CancellationToken { get; }

    internal string? Subject { get; private set; }

    internal Guid? SubjectId { get; private set; }

    internal AuditAction? Action { get; private set; }

    internal IDbContextTransaction? Transaction { get; private set; }

    /// <summary>The id the caller gets back with "saved".</summary>
    internal Guid? ResultId { get; set; }

    /// <summary>The audit line is about a part of the aggregate (a cycle, a member organisation) rather than the whole.</summary>
    public void AuditAs(string subject, Guid? subjectId, AuditAction? action = null)
    {
        Subject = subject;
        SubjectId = subjectId;
        Action = action;
    }

    /// <summary>Audits a second thing the same change made (a stakeholder added with an organisation), saved with it.</summary>
    public void AlsoAudit(AuditAction action, string subject, Guid? subjectId, string summary) =>
        Db.AuditEntries.Add(new AuditEntry(LabId, Actor.UserId, action, subject, subjectId, summary, Now));

    /// <summary>Something the change refers to is not in this lab: the write answers "not found" and saves nothing.</summary>
    public static Exception NotFound() => new NotFoundException();

    /// <summary>
    /// For a change that must run a statement of its own before the save (a bulk delete): both commit together.
    /// </summary>
    public async Task BeginTransactionAsync() => Transaction ??= await Db.Database.BeginTransactionAsync(CancellationToken);

    internal sealed class NotFoundException : Exception
    {
        public NotFoundException() : base("Not in this lab.") { }

        public NotFoundException(string message) : base(message) { }

        public NotFoundException(string message, Exception innerException) : base(message, innerException) { }
    }
}

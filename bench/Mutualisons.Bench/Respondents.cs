using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Infrastructure.Persistence.DemoData;
using Mutualisons.Web.Features.Diagnostic.Answering;

namespace Mutualisons.Bench;

/// <summary>One respondent's visit: the personal link, and the form fields their browser will send.</summary>
internal sealed record Submission(Uri Path, IReadOnlyList<KeyValuePair<string, string>> Answers);

internal sealed record SubmissionRun(int Count, double Seconds, IReadOnlyList<double> GetMilliseconds, IReadOnlyList<double> PostMilliseconds, long PageBytes)
{
    public double PerSecond => Count / Seconds;
}

/// <summary>
/// Browsers answering over real HTTP: each client has its own cookies and connection, opens a personal link
/// (GET: the form with its antiforgery token), then posts the 30 answers with "Submit" and expects the
/// redirect a browser would follow (not followed here: the thanks page is not part of a submission).
/// </summary>
internal sealed class Respondents(Uri baseAddress, int clients) : IDisposable
{
    private readonly HttpClient[] _clients = [.. Enumerable.Range(0, clients).Select(_ => new HttpClient(new SocketsHttpHandler
    {
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) })];

    /// <summary>What each respondent will answer, drawn before the clock starts so clients spend no time on it.</summary>
    public static List<Submission> Prepare(SeededQuestionnaire questionnaire, int seed)
    {
        var random = new Random(seed);
        var questions = questionnaire.Content.Sections.Single().Questions;
        return [.. questionnaire.Tokens.Select(token => new Submission(new Uri($"/r/{token}", UriKind.Relative), Fields(questions, random)))];
    }

    // The fields a browser posts for these answers, including an empty "other, please specify" box.
    private static List<KeyValuePair<string, string>> Fields(IEnumerable<QuestionDefinition> questions, Random random)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var question in questions)
        {
            var answer = SampleAnswers.For(question, random);
            if (question.Type == QuestionType.Ranking)
            {
                fields.AddRange(answer.Values.Select(v => v.Split(':')).Select(p => KeyValuePair.Create(AnswerFields.Rank(question.Id, p[0]), p[1])));
            }
            else
            {
                fields.AddRange(answer.Values.Select(v => KeyValuePair.Create(AnswerFields.Name(question.Id), v)));
            }
            if (question.AllowOther)
            {
                fields.Add(KeyValuePair.Create(AnswerFields.Other(question.Id), answer.Other ?? string.Empty));
            }
        }
        return fields;
    }

    /// <summary>All submissions, spread over the clients as each finishes its previous one.</summary>
    public async Task<SubmissionRun> SubmitAllAsync(IReadOnlyList<Submission> submissions)
    {
        var next = -1;
        var gets = new double[submissions.Count];
        var posts = new double[submissions.Count];
        var pageBytes = 0L;
        var failures = new ConcurrentQueue<string>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(_clients.Select(client => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < submissions.Count)
            {
                try
                {
                    var (get, post, bytes) = await SubmitAsync(client, submissions[i]);
                    gets[i] = get;
                    posts[i] = post;
                    Interlocked.Exchange(ref pageBytes, bytes);
                }
                catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue($"{submissions[i].Path}: {exception.Message}");
                }
            }
        })));
        watch.Stop();
        if (!failures.IsEmpty)
        {
            throw new InvalidOperationException($"{failures.Count} submission(s) failed, first: {string.Join(" | ", failures.Take(3))}");
        }
        return new SubmissionRun(submissions.Count, watch.Elapsed.TotalSeconds, gets, posts, pageBytes);
    }

    private static async Task<(double Get, double Post, long PageBytes)> SubmitAsync(HttpClient client, Submission submission)
    {
        var start = Stopwatch.GetTimestamp();
        // The page is read into a pooled buffer and searched as bytes: a 56 KiB page decoded to a string would
        // land on the large object heap at every GET, and the client's garbage would weigh on the app's GC.
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        try
        {
            int length;
            using (var page = await client.GetAsync(submission.Path, HttpCompletionOption.ResponseHeadersRead))
            {
                if (page.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET answered {(int)page.StatusCode}");
                }
                await using var body = await page.Content.ReadAsStreamAsync();
                length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
                if (length == buffer.Length)
                {
                    throw new InvalidOperationException("The answer page is larger than the client's buffer.");
                }
            }
            var opened = Stopwatch.GetTimestamp();

            List<KeyValuePair<string, string>> fields =
            [
                new("__RequestVerificationToken", AnswersFormToken(buffer.AsSpan(0, length))),
                new("_handler", "answers"),
                new("section", "0"),
                .. submission.Answers,
                new("move", "Submit"),
            ];
            using var content = new FormUrlEncodedContent(fields);
            using var posted = await client.PostAsync(submission.Path, content);
            var done = Stopwatch.GetTimestamp();
            if (posted.StatusCode != HttpStatusCode.Redirect)
            {
                var text = await posted.Content.ReadAsStringAsync();
                throw new InvalidOperationException($"POST answered {(int)posted.StatusCode}, not a redirect: {text[..Math.Min(text.Length, 300)]}");
            }
            return (Stopwatch.GetElapsedTime(start, opened).TotalMilliseconds, Stopwatch.GetElapsedTime(opened, done).TotalMilliseconds, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The antiforgery token of the answers form (the page header has a language form of its own), after
    /// checking that the form is the one a respondent submits: section 0, with a Submit button.
    /// </summary>
    private static string AnswersFormToken(ReadOnlySpan<byte> page)
    {
        var handler = page.IndexOf("name=\"_handler\" value=\"answers\""u8);
        var formStart = handler < 0 ? -1 : page[..handler].LastIndexOf("<form"u8);
        var formLength = handler < 0 ? -1 : page[handler..].IndexOf("</form>"u8);
        if (formStart < 0 || formLength < 0)
        {
            throw new InvalidOperationException("No answers form in the page.");
        }
        var form = page[formStart..(handler + formLength)];
        var tokenAttribute = "name=\"__RequestVerificationToken\" value=\""u8;
        var at = form.IndexOf(tokenAttribute);
        if (at < 0 || form.IndexOf("name=\"section\" value=\"0\""u8) < 0 || form.IndexOf("name=\"move\" value=\"Submit\""u8) < 0)
        {
            throw new InvalidOperationException("The answers form has no token, or is not section 0 with a Submit button.");
        }
        var value = form[(at + tokenAttribute.Length)..];
        return WebUtility.HtmlDecode(Encoding.UTF8.GetString(value[..value.IndexOf((byte)'"')]));
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}

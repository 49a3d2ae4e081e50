using System.Text;
using System.Text.RegularExpressions;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Vocabulary;

namespace CET4Trainer.Core.Features.Generators;

public sealed record ClozeResult(ItemDraft? Draft, string? Error);

// Turns any English passage into a banked cloze: 10 content words blanked (spread through the text,
// the first sentence left whole), 5 distractors of matching part of speech and frequency.
public sealed partial class BankedClozeGenerator(WordIndex index)
{
    private static readonly HashSet<string> ContentPos = ["n", "v", "adj", "adv"];
    private const string BankLetters = "ABCDEFGHIJKLMNO";

    public ClozeResult Generate(string passage, int seed, string? title = null)
    {
        passage = passage.Replace("\r\n", "\n").Trim();
        var words = TextMeasures.EnglishWords(passage);
        if (words < 120) return new(null, $"文章太短：选词填空需要至少 120 个英文单词（现在 {words} 个），四级原题约 200-300 词。");
        if (words > 600) return new(null, $"文章太长：请控制在 600 词以内（现在 {words} 个）。");

        var random = new Random(seed);
        var candidates = Candidates(passage);
        if (candidates.Count < ItemShapeRules.BankedClozeBlanks)
            return new(null, $"可以挖空的四级实词只有 {candidates.Count} 个，至少需要 10 个：请换一篇用词更丰富的文章。");

        var chosen = Spread(candidates, random);
        var inPassage = new HashSet<string>(TextMeasures.Words(passage).Select(w => index.Find(w)?.Headword ?? w), StringComparer.OrdinalIgnoreCase);
        var distractors = Distractors(chosen, random, inPassage);
        if (distractors.Count < 5) return new(null, "找不到足够的干扰词，请换一篇文章再试。");

        var bank = chosen.Select(c => c.Form).Concat(distractors.Select(d => d.Form)).OrderBy(w => w, StringComparer.OrdinalIgnoreCase).ToList();
        var text = new StringBuilder(passage);
        foreach (var (c, n) in chosen.Select((c, i) => (c, i)).Reverse())
            text.Remove(c.Index, c.Form.Length).Insert(c.Index, $"{{{{{n + 1}}}}}");
        var draft = new ItemDraft
        {
            Type = ItemType.BankedCloze,
            Title = string.IsNullOrWhiteSpace(title) ? Title(passage) : title.Trim(),
            Topics = ["generated"],
            Difficulty = Math.Clamp((int)Math.Round(chosen.Average(c => c.Word.FrequencyRank) / 2500.0) + 1, 1, 5),
            Explanation = $"离线生成的选词填空：从文章中挖去 10 个四级实词，另加 5 个词性与词频相近的干扰词（{string.Join("、", distractors.Select(d => d.Form))}）。先判断每个空需要的词性和形式，再结合上下文意思选词。",
            Passage = text.ToString(),
            WordBank = bank,
            Questions = chosen.Select((c, i) => new QuestionDraft
            {
                Number = i + 1,
                Answer = BankLetters[bank.IndexOf(c.Form)].ToString(),
                Explanation = $"第 {i + 1} 空填 {c.Form}（{c.Word.Headword}，{PosName(c.Word.MainPartOfSpeech)}：{Glosses.Short(c.Word.TranslationZh)}）。",
            }).ToList(),
        };
        var errors = ItemShapeRules.Validate(draft);
        return errors.Count == 0 ? new(draft, null) : new(null, string.Join(" ", errors.Select(e => e.Message)));
    }

    private sealed record Candidate(int Index, string Form, Word Word);

    // Content words of the CET-4 list, after the first sentence, lower-case (no names), each word once.
    private List<Candidate> Candidates(string passage)
    {
        var firstSentenceEnd = SentenceEnd().Match(passage) is { Success: true } m ? m.Index + m.Length : 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<Candidate>();
        foreach (Match token in Token().Matches(passage))
        {
            if (token.Index < firstSentenceEnd || token.Length < 4 || char.IsUpper(token.Value[0])) continue;
            var word = index.Find(token.Value);
            if (word is null || !ContentPos.Contains(word.MainPartOfSpeech) || word.FrequencyRank < 120) continue;
            if (seen.Add(word.Headword)) list.Add(new Candidate(token.Index, token.Value, word));
        }
        // A word that occurs twice would give its answer away at the second place: keep words that occur once.
        var counts = Token().Matches(passage).GroupBy(t => index.Find(t.Value)?.Headword ?? t.Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return list.Where(c => counts[c.Word.Headword] == 1).ToList();
    }

    // One blank from each tenth of the candidates, so blanks run through the whole passage.
    private static List<Candidate> Spread(List<Candidate> candidates, Random random)
    {
        var chosen = new List<Candidate>();
        for (var part = 0; part < ItemShapeRules.BankedClozeBlanks; part++)
        {
            var start = part * candidates.Count / ItemShapeRules.BankedClozeBlanks;
            var end = (part + 1) * candidates.Count / ItemShapeRules.BankedClozeBlanks;
            chosen.Add(candidates[random.Next(start, end)]);
        }
        return chosen;
    }

    private List<Candidate> Distractors(List<Candidate> chosen, Random random, HashSet<string> inPassage)
    {
        var result = new List<Candidate>();
        var used = new HashSet<string>(inPassage, StringComparer.OrdinalIgnoreCase);
        foreach (var target in chosen.OrderBy(_ => random.Next()))
        {
            if (result.Count == 5) break;
            var pick = DistractorPicker.Pick(index, target.Word, 1, random, used).FirstOrDefault();
            if (pick is null) continue;
            var form = WordIndex.MatchingForm(pick, target.Form, target.Word);
            if (chosen.Any(c => c.Form.Equals(form, StringComparison.OrdinalIgnoreCase)) || result.Any(r => r.Form.Equals(form, StringComparison.OrdinalIgnoreCase))) continue;
            used.Add(pick.Headword);
            result.Add(new Candidate(-1, form, pick));
        }
        return result;
    }

    private static string Title(string passage)
    {
        var first = string.Join(' ', TextMeasures.Words(passage).Take(6));
        return $"选词填空：{first}…";
    }

    private static string PosName(string pos) => pos switch
    {
        "n" => "名词",
        "v" => "动词",
        "adj" => "形容词",
        "adv" => "副词",
        _ => pos,
    };

    [GeneratedRegex(@"[A-Za-z]+(?:-[A-Za-z]+)*")]
    private static partial Regex Token();

    [GeneratedRegex(@"[.!?](?=\s|$)")]
    private static partial Regex SentenceEnd();
}

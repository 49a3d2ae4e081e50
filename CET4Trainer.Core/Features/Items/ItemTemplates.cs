namespace CET4Trainer.Core.Features.Items;

// An empty draft of a type with the right number of slots, for the editor's "new item".
public static class ItemTemplates
{
    public static ItemDraft Empty(ItemType type)
    {
        var draft = new ItemDraft { Type = type, Difficulty = 3 };
        switch (type)
        {
            case ItemType.BankedCloze:
                draft.WordBank = Enumerable.Repeat("", ItemShapeRules.BankedClozeBankSize).ToList();
                draft.Questions = Letters(ItemShapeRules.BankedClozeBlanks);
                break;
            case ItemType.LongReadingMatching:
                draft.Paragraphs = Enumerable.Range(0, 8).Select(i => new ParagraphDraft { Letter = ((char)('A' + i)).ToString() }).ToList();
                draft.Questions = Letters(ItemShapeRules.LongReadingStatements);
                break;
            case ItemType.Writing:
                draft.MinWords = 120;
                draft.MaxWords = 180;
                break;
            case ItemType.Translation:
                break;
            case ItemType.VocabSpelling:
                draft.Questions = [new QuestionDraft { Number = 1 }];
                break;
            default:
                var count = type switch
                {
                    ItemType.CarefulReading => ItemShapeRules.CarefulReadingQuestions,
                    ItemType.ListeningNews or ItemType.ListeningConversation or ItemType.ListeningPassage => ItemTypes.ListeningQuestionCount(type).Min,
                    _ => 1,
                };
                draft.Questions = Enumerable.Range(1, count).Select(n => new QuestionDraft { Number = n, Options = ["", "", "", ""], Answer = "A" }).ToList();
                break;
        }
        return draft;
    }

    private static List<QuestionDraft> Letters(int count) =>
        Enumerable.Range(1, count).Select(n => new QuestionDraft { Number = n }).ToList();
}

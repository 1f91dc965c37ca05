import { diffContent, mergePatch } from './application-content';
import { findingPath } from './finding-paths';

describe('autosave merge (RFC 7396) and the resubmission diff', () => {
  const stored = {
    form: { titleJa: '事業A', sections: { '1': 'a', '2': 'b' } },
    technologies: [{ technologyId: 'SOLAR_PV', eligibleCostYen: 1 }],
    requestedSubsidyYen: 5,
  };

  it('keeps every field the patch does not name, replaces arrays, removes a key on null', () => {
    expect(mergePatch(stored, { form: { sections: { '2': 'B' } } })).toEqual({
      ...stored,
      form: { titleJa: '事業A', sections: { '1': 'a', '2': 'B' } },
    });
    expect(mergePatch(stored, { technologies: [] })).toEqual({ ...stored, technologies: [] });
    expect(mergePatch(stored, { requestedSubsidyYen: null })).toEqual({
      form: stored.form,
      technologies: stored.technologies,
    });
    expect(mergePatch(stored, {})).toEqual(stored);
  });

  it('names each changed leaf with its old and new value', () => {
    const after = mergePatch(stored, {
      form: { sections: { '2': 'B' } },
      technologies: [{ technologyId: 'SOLAR_PV', eligibleCostYen: 2 }, { technologyId: 'CHILLER' }],
    });
    expect(diffContent(stored, after)).toEqual([
      { path: 'form.sections.2', before: 'b', after: 'B' },
      { path: 'technologies.0.eligibleCostYen', before: 1, after: 2 },
      { path: 'technologies.1', before: null, after: { technologyId: 'CHILLER' } },
    ]);
    expect(diffContent(stored, stored)).toEqual([]);
  });
});

describe('findingPath: where a rule’s finding is shown', () => {
  it.each([
    ['V-STR-3', 'form.titleJa'],
    ['V-EFF-10', 'form.effects.methodology'],
    ['V-EFF-1', 'form.effects'],
    ['V-DOC-1', 'attachments'],
    ['R-EVAL-04', 'requestedSubsidyYen'],
    ['R-FIN-04', 'costs.adminYen'],
    ['UNKNOWN', 'form'],
  ])('%s → %s', (rule, path) => expect(findingPath(rule)).toBe(path));
});

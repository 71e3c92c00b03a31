// The interactive review's reducer, key by key: Space reveals, 1–4 grade, the grade is recorded
// before the next card, a card due again comes back at the end, q stops keeping what was graded.
import { describe, expect, it } from 'vitest';
import { reviewStep, startReview, type ReviewInput, type ReviewSession } from '../../src/review/loop.js';

const key = (name: string): ReviewInput => ({ key: name });
const recorded = (again = false): ReviewInput => ({ recorded: { again } });
/** A session in a few words: its phase, its queue, the grade to record, the grades recorded. */
const summary = (session: ReviewSession) =>
  `${session.phase}${session.stopped ? ' (stopped)' : ''} [${session.queue.join(' ')}]${session.pending ? ` record ${session.pending.rating}` : ''}${session.graded.length ? ` graded ${session.graded.map((g) => `${g.card}=${g.rating}`).join(',')}` : ''}`;

/** The session after each input, starting with `queue`. */
function trace(queue: string[], inputs: ReviewInput[]): string[] {
  let session = startReview(queue);
  const steps = [summary(session)];
  for (const input of inputs) steps.push(summary((session = reviewStep(session, input))));
  return steps;
}

describe('the review loop', () => {
  it.each([
    ['nothing due: done at once', [], [], ['done []']],
    ['Space reveals the back, 3 grades Good, recorded it moves on', ['a', 'b'], [key('space'), key('3'), recorded()], ['front [a b]', 'back [a b]', 'graded [a b] record good', 'front [b] graded a=good']],
    ['Enter reveals too; the last card graded ends it', ['a'], [key('return'), key('4'), recorded()], ['front [a]', 'back [a]', 'graded [a] record easy', 'done [] graded a=easy']],
    ['a grade on the front means nothing until the back is shown', ['a'], [key('1'), key('space'), key('1')], ['front [a]', 'front [a]', 'back [a]', 'graded [a] record again']],
    ['Again with a learning step: the card comes back after the others', ['a', 'b'], [key('space'), key('1'), recorded(true), key('space'), key('2'), recorded()], ['front [a b]', 'back [a b]', 'graded [a b] record again', 'front [b a] graded a=again', 'back [b a] graded a=again', 'graded [b a] record hard graded a=again', 'front [a] graded a=again,b=hard']],
    ['q on a front stops, keeping what was graded and what is left', ['a', 'b'], [key('space'), key('3'), recorded(), key('q')], ['front [a b]', 'back [a b]', 'graded [a b] record good', 'front [b] graded a=good', 'done (stopped) [b] graded a=good']],
    ['q on the back stops without grading it', ['a'], [key('space'), key('q')], ['front [a]', 'back [a]', 'done (stopped) [a]']],
    ['Escape and Ctrl-C stop as q does', ['a'], [key('escape')], ['front [a]', 'done (stopped) [a]']],
    ['keys while a grade is recorded wait; q too', ['a', 'b'], [key('space'), key('3'), key('q'), key('space'), recorded()], ['front [a b]', 'back [a b]', 'graded [a b] record good', 'graded [a b] record good', 'graded [a b] record good', 'front [b] graded a=good']],
    ['other keys, and a record with nothing to record, change nothing', ['a'], [key('x'), key('5'), recorded(), key('space'), key('0')], ['front [a]', 'front [a]', 'front [a]', 'front [a]', 'back [a]', 'back [a]']],
    ['after done nothing changes', ['a'], [key('q'), key('space'), recorded()], ['front [a]', 'done (stopped) [a]', 'done (stopped) [a]', 'done (stopped) [a]']],
  ])('%s', (_name, queue, inputs, expected) => {
    expect(trace(queue, inputs)).toEqual(expected);
  });

  it('Ctrl-C stops in the middle of the back', () => {
    expect(reviewStep(reviewStep(startReview(['a']), key('space')), key('ctrl-c'))).toEqual({ phase: 'done', queue: ['a'], graded: [], stopped: true });
  });
});

/**
 * The two fields every "teach this message" form has, in the inbox and in Try it: which topic
 * (suggested topics first, then all by title) and whether the message becomes a training
 * sentence or a test message. One component, so both forms read and behave the same.
 */
import type { TestSplit } from "../api.ts";
import { text } from "../i18n.ts";
import { describedBy } from "./ui.tsx";

export interface TopicOptionGroup {
  label: string;
  topics: readonly { id: string; title: string }[];
  /** How often or how sure, said after the topic's name where there is that to say. */
  note?: (id: string) => string | undefined;
}

/** A topic as a picker option: its title with the id, or the id alone when it has no title. */
export function topicOption(topic: { id: string; title: string }): string {
  return topic.title === topic.id ? topic.id : `${topic.title} (${topic.id})`;
}

/** The picker's option groups; an empty group is left out. */
export function TopicOptionGroups(props: { groups: readonly TopicOptionGroup[] }) {
  return (
    <>
      {props.groups.map((group) =>
        group.topics.length ? (
          <optgroup key={group.label} label={group.label}>
            {group.topics.map((topic) => {
              const note = group.note?.(topic.id);
              const option = topicOption(topic);
              return (
                <option key={topic.id} value={topic.id}>
                  {note ? `${option}: ${note}` : option}
                </option>
              );
            })}
          </optgroup>
        ) : null,
      )}
    </>
  );
}

/** Training sentence or test message, as radio buttons under one legend, with the hint. */
export function SplitChoice(props: {
  id: string;
  legend: string;
  /** None chosen yet: the inbox asks the owner to choose rather than assuming. */
  value: TestSplit | "";
  onChange: (split: TestSplit) => void;
  /** Another element describing the group (an error), beside the hint. */
  describedBy?: string;
}) {
  const t = text.value;
  const hint = `${props.id}-hint`;
  return (
    <fieldset
      id={props.id}
      class="choice-group"
      aria-describedby={describedBy(hint, props.describedBy)}
    >
      <legend>{props.legend}</legend>
      {(["training", "tests"] as const).map((choice) => (
        <span class="choice" key={choice}>
          <input
            type="radio"
            id={`${props.id}-${choice}`}
            name={props.id}
            value={choice}
            checked={props.value === choice}
            onChange={() => props.onChange(choice)}
          />
          <label for={`${props.id}-${choice}`}>{t.teachSplits[choice]}</label>
        </span>
      ))}
      <p id={hint} class="hint">
        {t.splitHint}
      </p>
    </fieldset>
  );
}

/** Reading Block Kit messages the app sent, as a member would. */

export interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: unknown; action_id?: string; value?: string }[];
  accessory?: { action_id: string; value: string; text: { text: string } };
}

/** All text of a message's blocks. */
export function readBlocks(blocks: Block[]): string {
  return blocks
    .flatMap((block) => [
      block.text?.text,
      ...(block.fields ?? []).map((field) => field.text),
      ...(block.elements ?? []).map((element) =>
        typeof element.text === 'string' ? element.text : undefined,
      ),
    ])
    .filter(Boolean)
    .join('\n');
}

/** Every button of the message: action id, value and label. */
export function buttonsOf(blocks: Block[]) {
  return blocks.flatMap((block) => {
    const elements = (block.elements ?? []).filter((element) => element.action_id);
    const accessory = block.accessory ? [block.accessory] : [];
    return [...elements, ...accessory].map((button) => ({
      actionId: button.action_id!,
      value: button.value!,
      label: (button.text as { text: string }).text,
    }));
  });
}

/** Blocks of a Web API call: form-encoded calls carry them as JSON text. */
export function blocksOf(body: Record<string, unknown>): Block[] {
  const blocks = body.blocks;
  return (typeof blocks === 'string' ? JSON.parse(blocks) : blocks) as Block[];
}

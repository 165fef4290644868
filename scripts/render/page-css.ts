/** Slack desktop's look, approximately: Lato 15/22, its text, link and button colours, its spacing. */
export const PAGE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; background: #fff; }
body { font: 15px/22px Lato, "Slack-Lato", "Helvetica Neue", Arial, "Noto Color Emoji", sans-serif; color: #1d1c1d;
  -webkit-font-smoothing: antialiased; }
.frame { position: relative; overflow: hidden; background: #fff; }
.frame.thread { width: 480px; border-right: 1px solid #ddd; }
.frame.channel, .frame.home { width: 1000px; }
.frame.modal { width: 520px; background: #1d1c1d; padding: 0; }
.pane-header { display: flex; align-items: baseline; gap: 8px; padding: 12px 16px; border-bottom: 1px solid #ddd; }
.pane-header b { font-size: 18px; font-weight: 900; }
.pane-header span { color: #616061; font-size: 13px; }
.message { display: flex; gap: 8px; padding: 8px 20px; }
.avatar { flex: none; width: 36px; height: 36px; border-radius: 6px; color: #fff; font: 900 13px/36px Lato, sans-serif; text-align: center; }
.avatar.bot { background: #0a66c2; }
.avatar.person { background: #e8912d; }
.message-body { flex: 1; min-width: 0; }
.sender { font-weight: 900; }
.badge { font-size: 10px; font-weight: 700; color: #616061; background: rgba(29,28,29,0.13); border-radius: 2px; padding: 1px 3px; margin-left: 4px; vertical-align: 2px; }
.time { font-size: 12px; color: #616061; margin-left: 6px; }
.ephemeral { font-size: 13px; color: #616061; padding: 8px 20px 0 64px; }
.replies { display: flex; align-items: center; gap: 16px; padding: 4px 20px; color: #616061; font-size: 13px; }
.replies::after { content: ""; flex: 1; border-top: 1px solid #ddd; }
.screen-end { position: absolute; left: 0; right: 0; top: 700px; border-top: 2px dashed #e01e5a; }
.screen-end span { position: absolute; top: -10px; left: 2px; font-size: 10px; line-height: 16px; padding: 0 4px; color: #fff; background: #e01e5a; border-radius: 2px; }
.block { margin: 4px 0; }
.block + .block { margin-top: 8px; }
.header { font-size: 18px; line-height: 24px; font-weight: 900; }
.section { display: flex; gap: 12px; align-items: flex-start; }
.section-text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 4px; }
.context { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; font-size: 12px; line-height: 18px; color: #616061; }
.context .code { font-size: 11px; }
.context-image { display: inline-block; width: 20px; height: 20px; border-radius: 4px; background: #ddd; }
.accessory-image { display: block; width: 88px; height: 88px; border-radius: 6px; background: #ddd; }
.image { display: block; width: 100%; height: 200px; border-radius: 6px; background: #ddd; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; padding: 4px 0; }
.context-actions { display: flex; gap: 4px; }
.divider { border: 0; border-top: 1px solid rgba(29,28,29,0.13); margin: 12px 0; }
.button { display: inline-flex; align-items: center; height: 28px; padding: 0 12px; border: 1px solid rgba(29,28,29,0.3); border-radius: 4px;
  background: #fff; color: #1d1c1d; font-size: 13px; font-weight: 700; white-space: nowrap; }
.button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.button.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.button.overflow { padding: 0 8px; font-size: 16px; }
.icon-button { display: inline-flex; align-items: center; justify-content: center; width: 28px; height: 28px; border-radius: 4px;
  font-size: 14px; filter: grayscale(0.3); }
.picker { display: inline-flex; align-items: center; justify-content: space-between; gap: 12px; min-width: 180px; height: 36px; padding: 0 12px;
  border: 1px solid rgba(29,28,29,0.3); border-radius: 4px; background: #fff; }
.picker.placeholder .picker-label, .text-input.placeholder { color: #868686; }
.picker-icon { color: #616061; font-size: 12px; }
.text-input { display: block; width: 100%; min-height: 40px; padding: 8px 12px; border: 1px solid rgba(29,28,29,0.3); border-radius: 4px; }
.text-input.multiline { min-height: 88px; }
.choices { display: flex; flex-direction: column; gap: 4px; }
.choice-mark { margin-right: 8px; color: #616061; }
.input-label { font-weight: 700; margin-bottom: 6px; }
.input-label .optional { font-weight: 400; color: #616061; }
.input-hint { font-size: 13px; color: #616061; margin-top: 6px; }
.link { color: #1264a3; text-decoration: none; }
.mention { color: #1264a3; background: rgba(29,155,209,0.1); border-radius: 3px; padding: 0 2px; }
.code { font: 12px/18px Monaco, Menlo, Consolas, "Courier New", monospace; color: #e01e5a; background: rgba(29,28,29,0.04);
  border: 1px solid rgba(29,28,29,0.13); border-radius: 3px; padding: 2px 3px 1px; }
.pre { font: 12px/18px Monaco, Menlo, Consolas, "Courier New", monospace; background: rgba(29,28,29,0.04); border: 1px solid rgba(29,28,29,0.13);
  border-radius: 4px; padding: 8px; margin: 4px 0; white-space: pre-wrap; }
.quote { margin: 0; padding-left: 16px; border-left: 4px solid #ddd; }
.rt-list { margin: 0; padding-left: 22px; }
.unknown { display: inline-block; padding: 2px 6px; border: 1px dashed #e01e5a; color: #e01e5a; font-size: 12px; }
.home-header { display: flex; align-items: center; gap: 12px; padding: 12px 20px; border-bottom: 1px solid #ddd; font-size: 18px; font-weight: 900; }
.home-header .avatar { width: 28px; height: 28px; line-height: 28px; font-size: 11px; }
.tabs { display: flex; gap: 24px; padding: 0 20px; border-bottom: 1px solid #ddd; font-size: 13px; font-weight: 700; color: #616061; }
.tabs span { padding: 10px 0; }
.tabs .current { color: #1d1c1d; border-bottom: 2px solid #007a5a; }
.home-body { padding: 12px 20px 20px; }
.modal-panel { margin: 0; background: #fff; border-radius: 8px; overflow: hidden; }
.modal-title { display: flex; justify-content: space-between; align-items: center; padding: 16px 24px; font-size: 22px; line-height: 28px; font-weight: 900;
  border-bottom: 1px solid #ddd; }
.modal-title span { font-size: 18px; font-weight: 400; color: #616061; }
.modal-body { padding: 12px 24px 20px; }
.modal-footer { display: flex; justify-content: flex-end; gap: 8px; padding: 16px 24px; border-top: 1px solid #ddd; }
`;

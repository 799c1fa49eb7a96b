import { extract } from './index.ts'
import { context, markdownDoc } from './testing.ts'
const src = ['SP will map empty homes on the estate by Friday.','The Tenants Union agreed to host the next open evening.','Ines offered to bring volunteers; ACR to book the hall for 2 July.','Maya is going to chase the council.','RFB said they would look into cold storage.'].join('\n\n')
console.log(extract(markdownDoc(src), context).actions.length)
